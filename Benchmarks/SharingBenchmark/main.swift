// SharingBenchmark: measures record-access evaluation on a sharing workload.
// All logic lives in the SharingWorkload library; see `SharingBenchmarkCommand`.
import Foundation
import SharingWorkload

exit(SharingBenchmarkCommand.main(Array(CommandLine.arguments.dropFirst())))
