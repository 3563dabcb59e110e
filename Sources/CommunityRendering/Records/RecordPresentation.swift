public import CommunityModel

/// How records read on pages: labels (``SchemaCatalog``), page and compact layouts
/// (``RecordLayoutCatalog``) and the org's default currency. The community registers one as a
/// render service; components read it through ``RenderContext/presenter``.
public struct RecordPresentation: Sendable, Hashable {
    /// Object, field and picklist labels per locale.
    public var schemas: SchemaCatalog
    /// Record page layouts per object and profile, and compact layouts.
    public var layouts: RecordLayoutCatalog
    /// The org's default ISO 4217 currency, for amounts whose record names none.
    public var currencyCode: String

    /// A presentation.
    public init(schemas: SchemaCatalog = .standard, layouts: RecordLayoutCatalog = .standard, currencyCode: String = "USD") {
        self.schemas = schemas
        self.layouts = layouts
        self.currencyCode = currencyCode
    }

    /// The built-in objects' labels and layouts, in US dollars.
    public static let standard = RecordPresentation()
}
