#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected or listening socket's descriptor and the few calls the server makes on it.
struct Socket: Sendable {
    let descriptor: Int32

    /// What waiting for input ended with.
    enum Wait: Sendable {
        case readable, timedOut, failed
    }

    /// Waits up to `milliseconds` for input (or a pending connection, or the peer closing).
    func waitReadable(milliseconds: Int32) -> Wait {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let result = poll(&request, 1, milliseconds)
        if result > 0 { return .readable }
        if result == 0 { return .timedOut }
        return errno == EINTR ? .timedOut : .failed
    }

    /// Reads what has arrived, up to `limit` bytes, appending to `buffer`; returns the number
    /// read, `0` at end of stream, `nil` on error.
    func receive(into buffer: inout [UInt8], limit: Int) -> Int? {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: limit))
        let count = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return recv(descriptor, base + start, limit, 0)
        }
        buffer.removeLast(limit - max(count, 0))
        if count < 0 { return errno == EINTR || errno == EAGAIN ? receive(into: &buffer, limit: limit) : nil }
        return count
    }

    /// Sends every byte; `false` when the peer is gone or the send timed out.
    func sendAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// Sets an integer socket option; returns whether it took.
    @discardableResult
    func setOption(level: Int32, name: Int32, value: Int32) -> Bool {
        var value = value
        return setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Bounds how long one `send` may block.
    func setSendTimeout(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var value = timeval(tv_sec: Int(clamping: seconds), tv_usec: Int(clamping: attoseconds / 1_000_000_000_000))
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Closes after the response has left: stops sending, then reads and discards what the
    /// client still sends (briefly), so that unread input does not reset the connection
    /// before the client has read the answer.
    func closeGracefully() {
        _ = shutdown(descriptor, Int32(SHUT_WR))
        var scratch: [UInt8] = []
        var drained = 0
        for _ in 0..<5 {
            guard waitReadable(milliseconds: 100) == .readable else { break }
            guard let count = receive(into: &scratch, limit: 65_536), count > 0 else { break }
            scratch.removeAll(keepingCapacity: true)
            drained += count
            if drained > 1 << 20 { break }
        }
        close()
    }

    func close() {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }
}

extension Duration {
    /// Whole milliseconds, clamped to `0...Int32.max`.
    var clampedMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (ms, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return Int32.max }
        return Int32(clamping: ms.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).partialValue)
    }
}
