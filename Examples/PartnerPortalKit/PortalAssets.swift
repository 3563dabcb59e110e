import CommunityKit

/// The portal's branding, drawn here and stored in the community's ``AssetStore`` for both
/// sites: the Northwind mark as the logo (`logo.svg`, shown next to the site's name) and the
/// favicon (`favicon.svg`, and `favicon.ico` for browsers that ask for `/favicon.ico`).
enum PortalAssets {
    /// A compass-like mark on a deep blue tile.
    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40" role="img" aria-label="Northwind">
        <rect width="40" height="40" rx="8" fill="#1d3b6f"/>
        <path d="M20 6 L26 20 L20 34 L14 20 Z" fill="#f2f5fa"/>
        <path d="M20 6 L26 20 L20 20 Z" fill="#4fa3e0"/>
        <circle cx="20" cy="20" r="2.5" fill="#1d3b6f"/>
        </svg>

        """

    /// The mark alone, small.
    static let favicon = """
        <svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 40 40">
        <rect width="40" height="40" rx="8" fill="#1d3b6f"/>
        <path d="M20 6 L26 20 L20 34 L14 20 Z" fill="#f2f5fa"/>
        <path d="M20 6 L26 20 L20 20 Z" fill="#4fa3e0"/>
        </svg>

        """

    /// Stores the logo and favicons for `site` and points its theme at them.
    static func install(into community: Community, site: inout Site) throws {
        site.theme.logo = try community.addAsset(named: "logo.svg", bytes: Array(logo.utf8), for: site)
        site.theme.favicon = try community.addAsset(named: "favicon.svg", bytes: Array(favicon.utf8), for: site)
        try community.addAsset(named: "favicon.ico", bytes: icon(), for: site)
    }

    /// A 16×16 32-bit icon of the mark: one BMP image inside an ICO container, built byte by byte.
    static func icon() -> [UInt8] {
        let size = 16
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
        var pixels: [UInt8] = []
        for row in 0..<size {
            let y = Double(size - 1 - row) + 0.5  // BMP rows run bottom-up
            for column in 0..<size {
                let x = Double(column) + 0.5
                let corner = min(x, Double(size) - x) < 2 && min(y, Double(size) - y) < 2
                    && (min(x, Double(size) - x) - 2) * (min(x, Double(size) - x) - 2) + (min(y, Double(size) - y) - 2) * (min(y, Double(size) - y) - 2) > 4
                let diamond = abs(x - 8) / 3 + abs(y - 8) / 6.5 <= 1
                let (r, g, b, a): (UInt8, UInt8, UInt8, UInt8) =
                    corner ? (0, 0, 0, 0) : diamond ? (y < 8 && x >= 8 ? (0x4F, 0xA3, 0xE0, 255) : (0xF2, 0xF5, 0xFA, 255)) : (0x1D, 0x3B, 0x6F, 255)
                pixels += [b, g, r, a]
            }
        }
        let mask = [UInt8](repeating: 0, count: size * 4)  // 1 bit a pixel, rows padded to 4 bytes
        let header = le32(40) + le32(size) + le32(size * 2) + le16(1) + le16(32) + le32(0) + le32(pixels.count + mask.count)
            + le32(0) + le32(0) + le32(0) + le32(0)
        let image = header + pixels + mask
        let directory = le16(0) + le16(1) + le16(1)
        let entry: [UInt8] = [UInt8(size), UInt8(size), 0, 0] + le16(1) + le16(32) + le32(image.count) + le32(6 + 16)
        return directory + entry + image
    }
}
