import CommunityKit
import Foundation
import FuzzSupport

/// One fuzz run's shared state: options, the findings so far, and the input being tried (so
/// a trap can name it before the process dies).
final class FuzzRun {
    /// Something a fuzz target found.
    struct Finding: CustomStringConvertible {
        var target: String
        var kind: String
        var detail: String
        var input: String

        var description: String { "[\(target)] \(kind): \(detail)\n    input: \(input.prefix(4_000))" }
    }

    let iterations: Int
    let seed: UInt64
    let verbose: Bool
    /// Inputs containing any of these are not sent (to look past a known finding).
    let avoid: [String]
    private(set) var findings: [Finding] = []
    /// How many responses had each status, per target (printed after each target).
    var statuses: [String: [Int: Int]] = [:]
    /// Findings past this many per target and kind are counted, not printed.
    private var printed: [String: Int] = [:]

    init(iterations: Int, seed: UInt64, verbose: Bool, avoid: [String]) {
        self.iterations = iterations
        self.seed = seed
        self.verbose = verbose
        self.avoid = avoid
    }

    /// Whether an input is to be skipped (`--avoid`).
    func avoids(_ input: String) -> Bool { avoid.contains { input.contains($0) } }

    /// Records what is about to be tried; printed if the process traps while trying it.
    func trying(_ target: String, _ input: @autoclosure () -> String) {
        let text = "[\(target)] " + input()
        if verbose { print("try " + text.prefix(2_000)) }
        TrapReporter.current(text)
    }

    func report(_ finding: Finding) {
        findings.append(finding)
        let key = finding.target + "/" + finding.kind + "/" + String(finding.detail.prefix(60))
        let count = printed[key, default: 0]
        printed[key] = count + 1
        if count < 3 { print("FINDING " + finding.description) } else if count == 3 { print("FINDING (more like \(key) not printed)") }
    }

    /// Checks a response: a 5xx status, executable content in HTML, or a `Location` that
    /// leaves the site or breaks the header.
    func check(_ response: SiteResponse, target: String, input: @autoclosure () -> String, allowUnavailable: Bool = false) {
        statuses[target, default: [:]][response.status, default: 0] += 1
        if response.status >= 500 && !(allowUnavailable && response.status == 503) {
            report(Finding(target: target, kind: "status \(response.status)", detail: String(response.body.prefix(200)), input: input()))
        }
        if (response.headers["Content-Type"] ?? "").hasPrefix("text/html") || response.body.hasPrefix("<!DOCTYPE") {
            for finding in ExecutableContentChecker.findings(in: response.body).prefix(3) {
                report(Finding(target: target, kind: "executable HTML", detail: finding.description, input: input()))
            }
        }
        for (name, value) in response.headers where value.contains("\r") || value.contains("\n") || value.contains("\u{0}") {
            report(Finding(target: target, kind: "header injection", detail: "\(name): \(value.debugDescription.prefix(200))", input: input()))
        }
        if let location = response.location {
            let lower = String(String.UnicodeScalarView(location.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("//") || lower.hasPrefix("/\\") || lower.hasPrefix("\\") {
                report(Finding(target: target, kind: "unsafe redirect", detail: "Location: \(location.debugDescription.prefix(200))", input: input()))
            }
        }
    }
}

/// Prints the input being tried when the process traps (SIGILL, SIGTRAP, SIGABRT, SIGSEGV,
/// SIGBUS): its first 6,000 bytes on standard error, all of it in `CommunityFuzz-trap.txt`.
enum TrapReporter {
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<CChar>?

    static func install() {
        for sig in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS] {
            signal(sig) { sig in
                let header = "\nCommunityFuzz: TRAP (signal \(sig)) while trying (all of it in CommunityFuzz-trap.txt):\n"
                header.withCString { _ = write(2, $0, strlen($0)) }
                if let text = TrapReporter.buffer {
                    _ = write(2, text, min(strlen(text), 6_000))
                    let file = open("CommunityFuzz-trap.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    if file >= 0 {
                        _ = write(file, text, strlen(text))
                        close(file)
                    }
                }
                _ = write(2, "\n", 1)
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    static func current(_ text: String) {
        let old = buffer
        buffer = strdup(text)
        free(old)
    }
}

/// `text` quoted, with the middle of a long value elided (`…[N characters]…`).
func abbreviated(_ text: String) -> String {
    guard text.count > 240 else { return text.debugDescription }
    return (String(text.prefix(160)) + "…[\(text.count) characters]…" + String(text.suffix(40))).debugDescription
}
