import Foundation

/// The `SharingBenchmark` executable's logic: parse options, obtain the workload (load or
/// generate), run the benchmark, print the table (and the JSON line), and return the exit
/// status (non-zero when anything disagrees).
public enum SharingBenchmarkCommand {
    /// Runs with `arguments` (without the program name); prints to standard output, progress
    /// to standard error. Returns the process exit status.
    ///
    /// - Parameter executable: the benchmark's own executable; when given, the host's
    ///   resident memory is measured in child processes of it (see ``Footprint``).
    public static func main(_ arguments: [String], executable: String? = nil) -> Int32 {
        Measure.useOneMallocArena()
        let options: BenchmarkOptions
        do {
            options = try BenchmarkOptions.parse(arguments)
        } catch {
            printError(error.description)
            return 2
        }
        if let kind = options.footprint {
            do {
                print(Footprint.line(try Footprint.measure(kind, options)))
                return 0
            } catch {
                printError("SharingBenchmark: \(error)")
                return 2
            }
        }
        do {
            var report = try run(options, progress: printError)
            if let executable, options.measuresFootprint, options.engine == "access" {
                for kind in Footprint.Kind.allCases {
                    printError("footprint: a child process keeps the \(kind == .host ? "store and the engine" : "engine alone")…")
                    var failure: String?
                    if let reading = Footprint.spawn(executable: executable, kind: kind, options, failure: &failure) {
                        report.footprints.append(reading)
                    } else if let failure {
                        printError("SharingBenchmark: \(failure)")
                    }
                }
            }
            print(report.table())
            if options.json { print(report.json()) }
            if !report.agrees {
                printError("SharingBenchmark: DISAGREEMENT — agreement \(report.agreement * 100)%; see the list above")
                return 1
            }
            return 0
        } catch let error as WorkloadError {
            printError("SharingBenchmark: \(error.description)")
            return 2
        } catch {
            printError("SharingBenchmark: \(error)")
            return 2
        }
    }

    /// Loads or generates the workload the options name (writing it out if asked).
    static func workload(
        _ options: BenchmarkOptions, progress: (String) -> Void
    ) throws -> (workload: Workload, source: String) {
        if let path = options.workloadPath {
            progress("loading \(path)…")
            return (try WorkloadLoader.load(path: path), path)
        }
        let scale = WorkloadScale.named(options.scale ?? "small") ?? .small
        progress("generating the \(scale.name) workload (seed \(options.seed)) with the project's generator…")
        let workload = WorkloadGenerator.generate(scale, seed: options.seed)
        if let path = options.writePath {
            do {
                try WorkloadWriter.json(workload).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw WorkloadError.unreadable(path: path, reason: "cannot write: \(error.localizedDescription)")
            }
        }
        return (workload, "generated in-process")
    }

    /// Obtains the workload and measures the chosen engine.
    public static func run(_ options: BenchmarkOptions, progress: (String) -> Void = { _ in }) throws -> BenchmarkReport {
        let start = Measure.now()
        let reference: ReferenceEvaluator? = nil  // the runner builds one when changes are measured
        let (workload, source) = try Self.workload(options, progress: progress)
        let workloadSeconds = Measure.seconds(since: start)
        progress("workload ready in \(String(format: "%.2f", workloadSeconds)) s: \(workload.users.count) users, \(workload.records.count) records")
        let runner = SharingBenchmarkRunner(options: options)
        switch options.engine {
        case "reference":
            return try runner.run(
                workload: workload, source: source, workloadSeconds: workloadSeconds, reference: reference,
                progress: progress, build: ReferenceSubject.init)
        default:
            return try runner.run(
                workload: workload, source: source, workloadSeconds: workloadSeconds, reference: reference,
                progress: progress, build: CommunityAccessSubject.init)
        }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
