extension SiteResponder {
    /// Headers of an asset response: its type, a day of public caching, no sniffing, and a
    /// policy that sandboxes an SVG opened on its own (no scripts, no loads, no forms).
    static func assetHeaders(_ kind: AssetKind) -> [String: String] {
        [
            "Content-Type": kind.contentType,
            "Cache-Control": "public, max-age=86400",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            "Cross-Origin-Resource-Policy": "same-origin",
        ]
    }

    /// GET or HEAD of `<prefix>/_assets/<name>` from the ``AssetStore`` in the services: 200 with
    /// the bytes, 404 for an unknown or malformed name or when no store is configured, 405 for
    /// any other method.
    func serveAsset(_ request: SiteRequest, relative: String) -> SiteResponse {
        let notFound = plain(404, "http.notFound", request)
        guard request.method != .post else { return plain(405, "http.methodNotAllowed", request) }
        let name = String(relative.dropFirst(Site.assetsSegment.count + 2))
        guard SiteAsset.isValidName(name), let store = services.get((any AssetStore).self),
              let asset = store.asset(named: name, site: site.id)
        else { return notFound }
        let headers = Self.assetHeaders(asset.kind)
        return SiteResponse(status: 200, headers: headers, bytes: request.method == .head ? [] : asset.bytes)
    }
}

extension SiteResponse {
    /// A binary response.
    init(status: Int, headers: [String: String], bytes: [UInt8]) {
        self.init(status: status, headers: headers)
        self.bodyBytes = bytes
    }
}
