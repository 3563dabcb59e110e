import Foundation

/// A set of commonly used passwords that a ``PasswordPolicy`` refuses, compared in lower case.
///
/// ``bundled`` is the 30,000-entry list shipped in this module's resources
/// (`common-passwords.txt`, lower-cased and de-duplicated). Its origin: the `passwords`
/// frequency list of zxcvbn-python 4.4.28 (MIT licence, © 2012-2013 Dropbox, Inc., 2016 Daniel
/// Wolf), as packaged by Debian in `python3-zxcvbn`; see `Resources/README.md`. It is read
/// from disk the first time it is used, once per process.
public struct CommonPasswords: Sendable {
    private let entries: Set<String>

    /// A list of the given passwords (compared in lower case).
    public init(_ passwords: some Sequence<String>) {
        entries = Set(passwords.map { $0.lowercased() })
    }

    /// The bundled list, loaded lazily on first use. Empty only if the resource is missing
    /// from the build (a packaging error; the module's tests check the list's size).
    public static var bundled: CommonPasswords { Self.loaded }

    private static let loaded: CommonPasswords = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let data = try? Data(contentsOf: url)
        else { return CommonPasswords([]) }
        let text = String(decoding: data, as: UTF8.self)
        return CommonPasswords(text.split(whereSeparator: \.isNewline).map(String.init))
    }()

    /// How many passwords the list holds.
    public var count: Int { entries.count }

    /// Whether `password`, in lower case, is on the list.
    public func contains(_ password: String) -> Bool { entries.contains(password.lowercased()) }
}
