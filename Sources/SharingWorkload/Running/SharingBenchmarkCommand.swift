import Foundation

/// The `SharingBenchmark` executable's logic: parse options, obtain the workload (load or
/// generate), run the benchmark, print the table (and the JSON line), and return the exit
/// status (non-zero when anything disagrees).
public enum SharingBenchmarkCommand {
    /// Runs with `arguments` (without the program name); prints to standard output, progress
    /// to standard error. Returns the process exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        Measure.useOneMallocArena()
        let options: BenchmarkOptions
        do {
            options = try BenchmarkOptions.parse(arguments)
        } catch {
            printError(error.description)
            return 2
        }
        do {
            let report = try run(options, progress: printError)
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

    /// Obtains the workload and measures the chosen engine.
    public static func run(_ options: BenchmarkOptions, progress: (String) -> Void = { _ in }) throws -> BenchmarkReport {
        let start = Measure.now()
        let workload: Workload
        let source: String
        let reference: ReferenceEvaluator? = nil  // the runner builds one when changes are measured
        if let path = options.workloadPath {
            progress("loading \(path)…")
            workload = try WorkloadLoader.load(path: path)
            source = path
        } else {
            let scale = WorkloadScale.named(options.scale ?? "small") ?? .small
            progress("generating the \(scale.name) workload (seed \(options.seed)) with the project's generator…")
            workload = WorkloadGenerator.generate(scale, seed: options.seed)
            source = "generated in-process"
            if let path = options.writePath {
                do {
                    try WorkloadWriter.json(workload).write(toFile: path, atomically: true, encoding: .utf8)
                } catch {
                    throw WorkloadError.unreadable(path: path, reason: "cannot write: \(error.localizedDescription)")
                }
            }
        }
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
