public import CommunityModel

/// Why a federated sign-in was refused. Nothing is written when one is thrown.
public enum SingleSignOnError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The assertion's issuer is not a configured provider.
    case unknownIssuer(String)
    /// The subject is empty or longer than 255 bytes.
    case invalidSubject
    /// No link exists and the provider does not allow just-in-time provisioning.
    case justInTimeDisabled(issuer: String)
    /// A required attribute is missing or blank.
    case missingAttribute(String)
    /// An attribute the mapping requires a value of (``ProvisioningMapping/requiredValues``) has another, or none.
    case attributeMismatch(String)
    /// A mapped value breaks a field rule (too long, a malformed e-mail address…).
    case invalidAttribute(ValidationError)
    /// The mapping's account does not exist, or no single account matches the attribute.
    case unknownAccount(String)
    /// An unlinked user already has the asserted e-mail address; an administrator must link
    /// them explicitly (``FederatedSignIn/link(_:to:)``) rather than let the provider claim the user.
    case emailAlreadyRegistered(String)
    /// The linked user is missing or inactive.
    case userUnavailable(ID<User>)
    /// The provider identity is already linked to another user.
    case alreadyLinked(ID<User>)

    public var description: String {
        switch self {
        case .unknownIssuer(let issuer): "single sign-on: issuer \(issuer.debugDescription) is not configured"
        case .invalidSubject: "single sign-on: the subject is empty or too long"
        case .justInTimeDisabled(let issuer): "single sign-on: \(issuer) does not allow just-in-time provisioning"
        case .missingAttribute(let name): "single sign-on: attribute \(name.debugDescription) is required"
        case .attributeMismatch(let name): "single sign-on: attribute \(name.debugDescription) does not have the required value"
        case .invalidAttribute(let error): "single sign-on: \(error.description)"
        case .unknownAccount(let detail): "single sign-on: no account for \(detail.debugDescription)"
        case .emailAlreadyRegistered(let email): "single sign-on: \(email) belongs to an unlinked user"
        case .userUnavailable(let user): "single sign-on: user \(user) is missing or inactive"
        case .alreadyLinked(let user): "single sign-on: this identity is already linked to user \(user)"
        }
    }
}
