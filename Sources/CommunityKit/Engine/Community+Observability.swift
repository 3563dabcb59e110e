import CommunityModel
import CommunityRendering

extension Community {
    /// Counts an answered request and logs it when slow. The path is logged with its
    /// token-like segments redacted; the query, form and viewer's session never are.
    func recordRequest(_ request: SiteRequest, site: String, status: Int, duration: Duration) {
        metrics.recordRequest(site: site, status: status, duration: duration)
        guard let threshold = slowRequestThreshold, duration >= threshold else { return }
        logger.log(
            .warning, .slowRequest, "A request was slow.",
            metadata: [
                "site": .text(site), "method": .text(request.method.rawValue), "path": .path(request.path),
                "status": .integer(status), "durationMs": .milliseconds(duration),
            ])
    }
}
