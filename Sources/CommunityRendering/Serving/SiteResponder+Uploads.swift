import CommunityModel

extension SiteResponder {
    /// Logs a `multipart/form-data` body refused by the parser: the status and the reason,
    /// which names a field at most and never quotes a value.
    func reportMultipartRejection(_ request: SiteRequest, _ error: MultipartError) {
        logger?.log(
            .notice, .requestRejected, "A multipart form body was refused.",
            metadata: [
                "site": .text(site.id), "method": .text(request.method.rawValue), "status": .integer(error.status),
                "reason": .text(error.description),
            ])
    }
}
