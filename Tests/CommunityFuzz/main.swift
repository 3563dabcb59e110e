import Foundation

// Deterministic fuzzing of the request path, site bundles, the rich-text sanitiser and multipart bodies.
//
//   swift run CommunityFuzz all|handle|bundle|sanitizer|multipart [--iterations N] [--seed S] [--verbose]
//
// `--avoid TEXT` (repeatable) skips inputs whose description contains TEXT, to look past a
// known finding. Prints the seed, each finding with the input that caused it, and exits 1 on any finding.
// A trap kills the process (after printing the input being tried), which fails the run too.

let usage = "usage: CommunityFuzz all|handle|bundle|sanitizer|multipart [--iterations N] [--seed S] [--verbose] [--avoid TEXT]…"

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "all"
guard ["all", "handle", "bundle", "sanitizer", "multipart"].contains(command) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
guard let iterations = Int(option("--iterations", in: arguments) ?? "300"), iterations >= 0,
      let seed = UInt64(option("--seed", in: arguments) ?? "20261206")
else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
var avoid: [String] = []
for (index, argument) in arguments.enumerated() where argument == "--avoid" && index + 1 < arguments.count { avoid.append(arguments[index + 1]) }
let run = FuzzRun(iterations: iterations, seed: seed, verbose: arguments.contains("--verbose"), avoid: avoid)
TrapReporter.install()
print("CommunityFuzz \(command): seed \(seed), \(iterations) iterations per target")

let targets: [(String, () throws -> Void)] = [
    ("sanitizer", { try SanitizerFuzzer(run: run).fuzz() }),
    ("handle", { try HandleFuzzer(run: run).fuzz() }),
    ("bundle", { try BundleFuzzer(run: run).fuzz() }),
    ("multipart", { try MultipartFuzzer(run: run).fuzz() }),
]
for (name, body) in targets where command == "all" || command == name {
    let before = run.findings.count
    let start = Date()
    do {
        try body()
    } catch {
        print("FINDING [\(name)] setup failed: \(error)")
        exit(1)
    }
    if let counts = run.statuses[name] {
        print("\(name): responses by status: " + counts.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))
    }
    print("\(name): \(run.findings.count - before) findings in \(String(format: "%.1f", Date().timeIntervalSince(start)))s")
}
if run.findings.isEmpty {
    print("CommunityFuzz: no findings (seed \(seed)).")
    exit(0)
}
print("CommunityFuzz: \(run.findings.count) findings (seed \(seed)); rerun with --seed \(seed) to reproduce.")
exit(1)
