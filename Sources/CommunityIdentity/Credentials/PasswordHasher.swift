/// Hashes and verifies passwords with PBKDF2-HMAC-SHA256 from libcrypto, a random 16-byte salt
/// and a 32-byte derived key.
///
/// ``standard`` uses ``KeyDerivation/minimumIterations`` (600,000, OWASP's 2023 figure). A
/// production hasher can only be made at that cost or above: ``init(iterations:observer:)``
/// refuses less. Tests that need many hashes use ``insecureForTesting(iterations:observer:)``,
/// whose name says what it is and which is the only way to go below the floor; hashes it made
/// still verify under the standard hasher (verification uses the cost stored in each hash, and
/// ``needsRehash(_:)`` reports them so a host rehashes on the next sign-in).
///
/// The `observer` is told the iteration count of every key derivation: tests count derivations
/// to check that every sign-in path, including an unknown user's, pays for one.
public struct PasswordHasher: Sendable {
    /// The iteration count of new hashes.
    public let iterations: Int
    private let observer: (@Sendable (Int) -> Void)?

    /// The production hasher: 600,000 iterations.
    public static var standard: PasswordHasher {
        PasswordHasher(unchecked: KeyDerivation.minimumIterations, observer: nil)
    }

    /// A hasher at `iterations`, at least ``KeyDerivation/minimumIterations``.
    ///
    /// - Throws: ``IdentityError/invalidConfiguration(_:)`` below the floor or above
    ///   ``PasswordHash/maximumIterations``.
    public init(iterations: Int = KeyDerivation.minimumIterations, observer: (@Sendable (Int) -> Void)? = nil) throws(IdentityError) {
        guard iterations >= KeyDerivation.minimumIterations, iterations <= PasswordHash.maximumIterations else {
            throw .invalidConfiguration(
                "password hashing needs \(KeyDerivation.minimumIterations)...\(PasswordHash.maximumIterations) iterations, not \(iterations)")
        }
        self.init(unchecked: iterations, observer: observer)
    }

    /// A cheap hasher for tests only: below the production floor, so passwords hashed by it
    /// are easy to crack. Never use it outside tests.
    public static func insecureForTesting(iterations: Int = 1_000, observer: (@Sendable (Int) -> Void)? = nil) -> PasswordHasher {
        PasswordHasher(unchecked: min(max(iterations, 1), PasswordHash.maximumIterations), observer: observer)
    }

    private init(unchecked iterations: Int, observer: (@Sendable (Int) -> Void)?) {
        self.iterations = iterations
        self.observer = observer
    }

    /// A new salted hash of `password` (NFC-normalised UTF-8).
    ///
    /// - Throws: ``IdentityError/cryptographyUnavailable`` when randomness or libcrypto fails.
    public func hash(_ password: String) throws(IdentityError) -> PasswordHash {
        guard let salt = SecureRandom.bytes(16), let key = derive(PasswordText.bytes(password), salt: salt, iterations: iterations)
        else { throw .cryptographyUnavailable }
        return try PasswordHash(iterations: iterations, salt: salt, hash: key)
    }

    /// Whether `password` matches `stored`, derived at the stored cost and compared in constant time.
    public func verify(_ password: String, against stored: PasswordHash) -> Bool {
        guard let key = derive(PasswordText.bytes(password), salt: stored.salt, iterations: stored.iterations, length: stored.hash.count)
        else { return false }
        return ConstantTime.equals(key, stored.hash)
    }

    /// Spends the same work as verifying a password against a hash of this hasher's cost, and
    /// answers false: for unknown users, locked accounts and refused requests, so they take as
    /// long as a wrong password.
    public func verifyAgainstDummy(_ password: [UInt8]) -> Bool {
        let salt = [UInt8](repeating: 0x5A, count: 16)
        _ = derive(password, salt: salt, iterations: iterations)
        return false
    }

    /// Whether a stored hash is weaker than this hasher's and should be replaced on next sign-in.
    public func needsRehash(_ stored: PasswordHash) -> Bool {
        stored.algorithm != .pbkdf2SHA256 || stored.iterations < iterations || stored.salt.count < 16
    }

    private func derive(_ password: [UInt8], salt: [UInt8], iterations: Int, length: Int = 32) -> [UInt8]? {
        observer?(iterations)
        return KeyDerivation.pbkdf2SHA256(password: password, salt: salt, iterations: iterations, length: length)
    }
}
