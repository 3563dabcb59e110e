import DevServer

/// The static files the portal serves next to its pages: the Partner Central logo (the
/// theme's `/partners/logo.svg`) and a favicon, both SVG drawn here.
enum PortalAssets {
    /// A compass-like mark and the word "Northwind" on a deep blue tile.
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="180" height="40" viewBox="0 0 180 40" role="img" aria-label="Northwind Cloud">
        <rect width="40" height="40" rx="8" fill="#1d3b6f"/>
        <path d="M20 6 L26 20 L20 34 L14 20 Z" fill="#f2f5fa"/>
        <path d="M20 6 L26 20 L20 20 Z" fill="#4fa3e0"/>
        <circle cx="20" cy="20" r="2.5" fill="#1d3b6f"/>
        <text x="50" y="26" font-family="system-ui, sans-serif" font-size="18" font-weight="600" fill="#1d3b6f">Northwind</text>
        </svg>

        """

    /// The mark alone, square.
    static let favicon = """
        <svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 40 40">
        <rect width="40" height="40" rx="8" fill="#1d3b6f"/>
        <path d="M20 6 L26 20 L20 34 L14 20 Z" fill="#f2f5fa"/>
        <path d="M20 6 L26 20 L20 20 Z" fill="#4fa3e0"/>
        </svg>

        """

    /// Request paths (decoded) and the files they serve.
    static let files: [String: String] = [
        "/partners/logo.svg": logo,
        "/favicon.ico": favicon,
        "/favicon.svg": favicon,
        "/partners/favicon.svg": favicon,
        "/help/favicon.svg": favicon,
    ]

    /// The asset at a path, or `nil` when the path is not an asset.
    static func response(for path: String) -> HTTPResponse? {
        guard let svg = files[path] else { return nil }
        return HTTPResponse(status: 200, headers: [
            .init("Content-Type", "image/svg+xml"),
            .init("Cache-Control", "public, max-age=3600"),
            .init("X-Content-Type-Options", "nosniff"),
        ], text: svg)
    }
}
