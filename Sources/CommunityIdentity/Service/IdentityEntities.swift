public import CommunityModel

/// The entity types the identity service keeps in a ``Store``.
public enum IdentityEntities {
    /// Every identity entity type, to register with a store that decodes entities by type name
    /// (CommunitySQLite's `EntityRegistry(IdentityEntities.all)`).
    public static let all: [any Entity.Type] = [
        Credential.self, Session.self, PasswordResetToken.self, EmailVerificationToken.self, VerifiedEmail.self,
        PendingSecondFactor.self, TwoFactorEnrollment.self, FederationLink.self,
    ]
}
