/// The bounds the adapters put on a "how many" that reaches them from a component: a layout
/// may say anything (a host component may pass `-1` or `Int.max`), so every provider call
/// clamps before it slices, pages or sizes anything.
enum ListLimit {
    /// The most items an adapter returns for one list.
    static let maximum = 500

    /// `requested` clamped into `0...maximum`.
    static func clamp(_ requested: Int) -> Int { min(max(requested, 0), maximum) }
}
