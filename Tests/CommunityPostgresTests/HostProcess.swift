import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A `PostgresHostProbe` process: its output lines as they arrive, its standard input.
final class HostProcess {
    /// The probe's output, filled by the pipe's reading thread.
    final class Output: Sendable {
        let state = Mutex<(lines: [String], partial: String, closed: Bool)>(([], "", false))
        func withLock<R: Sendable>(_ body: (inout (lines: [String], partial: String, closed: Bool)) -> R) -> R {
            state.withLock { body(&$0) }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let name: String
    private let process: Process
    private let input: Pipe
    private let output = Output()

    /// The probe executable, next to the test bundle in the build folder.
    static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent().deletingLastPathComponent(),
            PostgresTestServer.repository.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("PostgresHostProbe") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "PostgresHostProbe is not built; looked at \(candidates.map(\.path))")
        }
        return found
    }

    /// Starts `PostgresHostProbe <mode> <url> <schema> <name> <transactions> <seed>`.
    init(mode: String, schema: String, name: String, transactions: Int, seed: UInt64) throws {
        self.name = name
        process = Process()
        process.executableURL = try Self.executable()
        process.arguments = [mode, try PostgresTestServer.url(), schema, name, String(transactions), String(seed)]
        input = Pipe()
        let out = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        // A thread of its own reads the output with blocking reads until end of file
        // (FileHandle's readabilityHandler missed data here under load).
        let output = self.output
        let reading = out.fileHandleForReading
        Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(reading.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                output.withLock { state in
                    state.partial += text
                    while let end = state.partial.firstIndex(of: "\n") {
                        state.lines.append(String(state.partial[..<end]))
                        state.partial = String(state.partial[state.partial.index(after: end)...])
                    }
                }
            }
            output.withLock { $0.closed = true }
        }.start()
    }

    /// Every line so far.
    var lines: [String] { output.withLock { $0.lines } }

    /// Waits (up to `timeout` seconds) until some line satisfies `condition`, returning it.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 120, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (lines, closed) = output.withLock { ($0.lines, $0.closed) }
            if let line = lines.first(where: condition) { return line }
            if let failure = lines.first(where: { $0.hasPrefix("failed") }) {
                throw Failure(description: "host \(name): \(failure)")
            }
            if closed, !process.isRunning, lines.first(where: condition) == nil {
                Thread.sleep(forTimeInterval: 0.05)
                if let line = self.lines.first(where: condition) { return line }
                let status = process.isRunning ? "still running" : "exit status \(process.terminationStatus), reason \(process.terminationReason.rawValue)"
                throw Failure(description: "host \(name) ended before \(what) (output closed: \(closed), \(status)); its output: \(self.lines.suffix(2))")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw Failure(description: "host \(name) did not report \(what) within \(timeout) s; last lines: \(lines.suffix(5))")
    }

    /// Waits for a line starting with `prefix`.
    @discardableResult
    func waitFor(prefix: String, timeout: Double = 120) throws -> String {
        try waitFor(prefix, timeout: timeout) { $0.hasPrefix(prefix) }
    }

    /// Sends one line to the probe's standard input.
    func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    /// Kills the process at once (SIGKILL) and waits for it.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the process to end.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
