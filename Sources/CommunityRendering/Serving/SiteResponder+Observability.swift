public import CommunityModel

extension SiteResponder {
    /// The host's logger, when the engine registered one in ``services``
    /// (`services.set((any CommunityLogger).self, logger)`).
    var logger: (any CommunityLogger)? { services.get((any CommunityLogger).self) }

    /// Logs a form post refused by the CSRF defences: the site, the action and why (it came
    /// from another origin, or its token was missing or wrong), never the token or the session.
    func reportCSRFRejection(_ request: SiteRequest, action: String, crossOrigin: Bool = false) {
        guard let logger else { return }
        let reason: LogValue =
            if crossOrigin { "crossOrigin" } else if (request.form["_csrf"] ?? "").isEmpty { "missingToken" } else { "invalidToken" }
        var metadata: [String: LogValue] = ["site": .text(site.id), "action": .text(action), "reason": reason]
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

    /// Logs a request refused by the site's limits (413, 414 or 422): the status and the
    /// limit's sentence, which names a field at most and never quotes a value.
    func reportLimitRejection(_ request: SiteRequest, _ error: RequestLimitError) {
        logger?.log(
            .notice, .requestRejected, "A request broke one of the site's limits.",
            metadata: [
                "site": .text(site.id), "method": .text(request.method.rawValue), "status": .integer(error.status),
                "reason": .text(error.description),
            ])
    }
}

extension LogEventName {
    /// A form action threw an error it did not expect; the person saw a general message.
    public static let actionFailed: LogEventName = "form.actionFailed"
}

extension SiteResponder {
    /// Logs an action that threw: the site, the action and the error's type and description,
    /// which the person who posted the form never sees.
    func reportActionFailure(action: String, _ error: any Error) {
        logger?.log(
            .error, .actionFailed, "A form action failed unexpectedly.",
            metadata: [
                "site": .text(site.id), "action": .text(action), "errorType": .text(String(describing: type(of: error))),
                "error": .text(String(describing: error)),
            ])
    }
}
