import CommunityModel

extension SiteResponder {
    /// The host's logger, when the engine registered one in ``services``
    /// (`services.set((any CommunityLogger).self, logger)`).
    var logger: (any CommunityLogger)? { services.get((any CommunityLogger).self) }

    /// Logs a form post that failed the CSRF check: the site, the action and whether the
    /// token was missing or wrong, never the token or the session.
    func reportCSRFRejection(_ request: SiteRequest, action: String) {
        guard let logger else { return }
        let token = request.form["_csrf"] ?? ""
        var metadata: [String: LogValue] = [
            "site": .text(site.id), "action": .text(action), "reason": token.isEmpty ? "missingToken" : "invalidToken",
        ]
        if let user = request.viewer.user { metadata["user"] = .text(user.id.rawValue) }
        logger.log(.warning, .csrfRejected, "A form post failed the CSRF check.", metadata: metadata)
    }

    /// Logs a form shown again as invalid (422): the names of the fields in error, never
    /// their values or the messages (which may quote them).
    func reportInvalidForm(action: String, errors: [String: String]) {
        logger?.log(
            .info, .formInvalid, "A form was rejected as invalid.",
            metadata: ["site": .text(site.id), "action": .text(action), "fields": .names(errors.keys)])
    }
}
