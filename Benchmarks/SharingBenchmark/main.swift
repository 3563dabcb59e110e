// SharingBenchmark: measures record-access evaluation on a sharing workload.
// All logic lives in the SharingWorkload library; see `SharingBenchmarkCommand`.
import Foundation
import SharingWorkload

let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
exit(SharingBenchmarkCommand.main(Array(CommandLine.arguments.dropFirst()), executable: executable))
