import Dispatch
import Foundation

/// Clocks and process figures the benchmark reads.
public enum Measure {
    /// A monotonic timestamp in nanoseconds.
    @inline(__always)
    public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Seconds since `start` (a ``now()`` value).
    public static func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

    /// Resident memory in MiB from `/proc/self/status` (`VmRSS`); `nil` where unavailable.
    public static func residentMegabytes() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
            return digits.map { $0 / 1024 }
        }
        return nil
    }

    /// The number of cores the process may use.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
