/// Why an edit of a page layout cannot be made.
public enum LayoutEditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No component with this id is in the layout.
    case unknownComponent(String)
    /// A component with this id is already in the layout.
    case duplicateComponent(String)
    /// The position names a region, row or column the layout does not have.
    case noSuchPosition(LayoutPosition)
    /// No region has this index.
    case noSuchRegion(Int)
    /// A region of this name exists already, or the name is not allowed.
    case invalidRegionName(String)
    /// A row's column spans are not whole numbers from 1 to 12 adding up to at most 12.
    case invalidColumns(String)

    public var description: String {
        switch self {
        case .unknownComponent(let id): "no component \(id) on this page"
        case .duplicateComponent(let id): "a component \(id) is already on this page"
        case .noSuchPosition(let position): "the page has no \(position)"
        case .noSuchRegion(let index): "the page has no region \(index)"
        case .invalidRegionName(let name): "region name \"\(name)\" is taken or not a name of letters, digits and -"
        case .invalidColumns(let spans): "columns \"\(spans)\" are not spans from 1 to 12 adding up to at most 12 (such as 8,4)"
        }
    }
}
