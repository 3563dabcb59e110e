/// The sizes a theme's stylesheet is built from: a spacing scale, a type scale, corner radii
/// and elevations. Every value is a whole number of pixels (or a bounded percentage), so a
/// token can never carry CSS syntax into the stylesheet; ``issues`` names values outside
/// their bounds, and ``Theme/customProperties`` clamps them.
public struct DesignTokens: Sendable, Hashable, Codable {
    /// One shadow level, drawn as `box-shadow: 0 <offset>px <blur>px rgba(0,0,0,<opacity>%)`.
    public struct Elevation: Sendable, Hashable, Codable {
        /// Vertical offset in pixels, 0–32.
        public var offset: Int
        /// Blur radius in pixels, 0–64.
        public var blur: Int
        /// Shadow opacity in percent, 0–60.
        public var opacity: Int

        /// A shadow level.
        public init(offset: Int, blur: Int, opacity: Int) {
            self.offset = offset
            self.blur = blur
            self.opacity = opacity
        }
    }

    /// Spacing steps in pixels, smallest first (`--ck-space-1` …); six steps.
    public var space: [Int]
    /// Font sizes in pixels, smallest first: small, body, large, h3, h2, h1 (`--ck-text-1` …).
    public var fontSizes: [Int]
    /// Corner radii in pixels: small (inputs, tags), medium (buttons), large (cards).
    public var radii: [Int]
    /// Shadow levels: resting cards, raised elements (menus, focus).
    public var elevations: [Elevation]
    /// The widest the page content grows, in pixels.
    public var contentWidth: Int

    /// Tokens; the defaults are the standard scale.
    public init(
        space: [Int] = [4, 8, 12, 16, 24, 40], fontSizes: [Int] = [14, 16, 18, 20, 24, 32], radii: [Int] = [4, 6, 10],
        elevations: [Elevation] = [Elevation(offset: 1, blur: 3, opacity: 12), Elevation(offset: 4, blur: 14, opacity: 16)],
        contentWidth: Int = 1200
    ) {
        self.space = space
        self.fontSizes = fontSizes
        self.radii = radii
        self.elevations = elevations
        self.contentWidth = contentWidth
    }

    /// The standard scale.
    public static let standard = DesignTokens()

    /// How many steps each scale has; the stylesheet refers to every one of them.
    public static let spaceSteps = 6, fontSteps = 6, radiusSteps = 3, elevationSteps = 2

    /// Problems with the values: wrong number of steps, or values outside their bounds.
    public var issues: [String] {
        var issues: [String] = []
        func scale(_ name: String, _ values: [Int], steps: Int, bounds: ClosedRange<Int>) {
            if values.count != steps { issues.append("\(name) has \(values.count) steps, not \(steps)") }
            for value in values where !bounds.contains(value) {
                issues.append("\(name) value \(value) is outside \(bounds.lowerBound)–\(bounds.upperBound)")
            }
        }
        scale("space", space, steps: Self.spaceSteps, bounds: 0...128)
        scale("font size", fontSizes, steps: Self.fontSteps, bounds: 10...96)
        scale("radius", radii, steps: Self.radiusSteps, bounds: 0...64)
        if elevations.count != Self.elevationSteps { issues.append("elevation has \(elevations.count) steps, not \(Self.elevationSteps)") }
        for e in elevations where !(0...32).contains(e.offset) || !(0...64).contains(e.blur) || !(0...60).contains(e.opacity) {
            issues.append("elevation \(e.offset)/\(e.blur)/\(e.opacity)% is outside 0–32 px offset, 0–64 px blur, 0–60 % opacity")
        }
        if !(320...2400).contains(contentWidth) { issues.append("content width \(contentWidth) is outside 320–2400") }
        return issues
    }

    /// The tokens as CSS custom property declarations (no braces), every value clamped into
    /// its bounds and every missing step filled from the standard scale.
    var declarations: String {
        func steps(_ values: [Int], _ standard: [Int], _ bounds: ClosedRange<Int>) -> [Int] {
            standard.indices.map { i in min(max(i < values.count ? values[i] : standard[i], bounds.lowerBound), bounds.upperBound) }
        }
        let standard = DesignTokens.standard
        var out = ""
        for (i, value) in steps(space, standard.space, 0...128).enumerated() { out += "--ck-space-\(i + 1):\(value)px;" }
        for (i, value) in steps(fontSizes, standard.fontSizes, 10...96).enumerated() {
            out += "--ck-text-\(i + 1):\(Double(value) / 16)rem;"
        }
        for (i, value) in steps(radii, standard.radii, 0...64).enumerated() { out += "--ck-radius-\(i + 1):\(value)px;" }
        for i in standard.elevations.indices {
            let e = i < elevations.count ? elevations[i] : standard.elevations[i]
            let offset = min(max(e.offset, 0), 32), blur = min(max(e.blur, 0), 64), opacity = min(max(e.opacity, 0), 60)
            out += "--ck-shadow-\(i + 1):0 \(offset)px \(blur)px rgb(0 0 0 / \(opacity)%);"
        }
        out += "--ck-content-width:\(min(max(contentWidth, 320), 2400))px"
        return out
    }

    private enum CodingKeys: String, CodingKey { case space, fontSizes, radii, elevations, contentWidth }

    /// Decodes tokens; a missing key takes the standard value, so older bundles still load.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let standard = DesignTokens.standard
        space = try c.decodeIfPresent([Int].self, forKey: .space) ?? standard.space
        fontSizes = try c.decodeIfPresent([Int].self, forKey: .fontSizes) ?? standard.fontSizes
        radii = try c.decodeIfPresent([Int].self, forKey: .radii) ?? standard.radii
        elevations = try c.decodeIfPresent([Elevation].self, forKey: .elevations) ?? standard.elevations
        contentWidth = try c.decodeIfPresent(Int.self, forKey: .contentWidth) ?? standard.contentWidth
    }
}
