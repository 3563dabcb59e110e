import Dispatch
import Foundation
import CMalloc

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

    /// Bytes of heap the process holds in live allocations (glibc `mallinfo2`: arena plus
    /// mmap'd blocks), in MiB; `nil` where unavailable. The difference across a build is
    /// the memory that build keeps, whatever freed memory it reused.
    public static func heapInUseMegabytes() -> Double? {
        let info = mallinfo2()
        return Double(info.uordblks + info.hblkhd) / 1_048_576
    }

    /// Makes every thread allocate from the main malloc arena, so that
    /// ``heapInUseMegabytes()`` (which reads that arena) sees all live allocations.
    public static func useOneMallocArena() {
        _ = mallopt(M_ARENA_MAX, 1)
    }

    /// The number of cores the process may use.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
