import CommunityIdentity
import CommunityModel
import Foundation
import Testing

@Suite struct SecurityEventLoggingTests {
    let date = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func signInFailuresAndLockOutsUseTheStableNames() {
        let failed = SecurityEvent(
            kind: .signInFailed, reason: .wrongPassword, userID: "pat", siteID: "partners", clientAddress: "203.0.113.7", date: date
        ).logEvent
        #expect(failed.name == .signInFailed && failed.level == .notice)
        #expect(failed.metadata == ["reason": "wrongPassword", "user": "pat", "site": "partners", "client": "203.0.113.7"])
        let locked = SecurityEvent(kind: .lockedOut, reason: .accountLocked, userID: "pat", date: date).logEvent
        #expect(locked.name == .lockedOut && locked.level == .warning && locked.metadata["user"] == "pat")
    }

    @Test func otherKindsAreNamedAfterThemselves() {
        let notifier = SecurityEvent(kind: .notificationFailed, date: date).logEvent
        #expect(notifier.name.rawValue == "auth.notificationFailed" && notifier.level == .error && notifier.metadata.isEmpty)
        let signedIn = SecurityEvent(kind: .signedIn, userID: "pat", date: date).logEvent
        #expect(signedIn.name.rawValue == "auth.signedIn" && signedIn.level == .info)
    }
}
