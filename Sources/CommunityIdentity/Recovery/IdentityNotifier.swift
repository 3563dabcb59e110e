/// The host's seam for delivering ``IdentityMessage``s (password reset and e-mail verification
/// links).
///
/// Called synchronously inside the request that asked for the message: implementations should
/// enqueue the message and return quickly. A thrown error is reported as a ``SecurityEvent`` and
/// otherwise swallowed, so the request's answer does not reveal whether an account exists.
public protocol IdentityNotifier: Sendable {
    /// Delivers (or enqueues) a message.
    func deliver(_ message: IdentityMessage) throws
}
