public import CommunityModel
public import CommunityAccess
public import Foundation

/// Turns records into what a person reads, for one viewer and locale: labels instead of API
/// names, picklist labels, amounts, numbers and dates in the locale's format, and names
/// instead of ids for lookups. Any component gets one from ``RenderContext/presenter``.
public struct RecordPresenter: Sendable {
    /// Labels, layouts and the default currency.
    public let presentation: RecordPresentation
    /// Formats values in the viewer's locale and time zone.
    public let formatter: LocaleFormatter
    /// The locale.
    public let locale: String
    let reader: RecordReader?
    let viewer: Viewer
    let now: Date
    let sites: SiteNameDirectory?

    /// A presenter for a viewer in a locale; `reader` resolves lookups to names, `sites` the site
    /// lookup (``ObjectSchema/siteField``) to site names.
    public init(presentation: RecordPresentation, locale: String, viewer: Viewer, reader: RecordReader?, now: Date,
                sites: SiteNameDirectory? = nil) {
        self.presentation = presentation
        self.locale = locale
        self.viewer = viewer
        self.reader = reader
        self.now = now
        self.sites = sites
        formatter = LocaleFormatter(locale: locale, currencyCode: presentation.currencyCode, timeZone: viewer.user?.timeZone)
    }

    /// The field that names a record's currency (Salesforce's multi-currency field).
    public static let currencyField = "CurrencyIsoCode"

    /// An object's label (plural for list headings).
    public func objectLabel(_ object: EntityType, plural: Bool = false) -> String {
        presentation.schemas.objectLabel(object, locale: locale, plural: plural)
    }

    /// A field's label.
    public func label(of field: String, object: EntityType) -> String {
        presentation.schemas.fieldLabel(field, of: object, locale: locale)
    }

    /// A picklist's values and labels, for a form's options.
    public func picklistOptions(_ field: String, object: EntityType) -> [(value: String, label: String)] {
        presentation.schemas.picklistOptions(field, of: object, locale: locale)
    }

    /// A value as text: picklist labels, amounts in the record's currency (`currencyCode`) or the
    /// org's, numbers, days and moments in the locale, lookups by the referenced record's name.
    public func text(_ value: FieldValue, field: String, object: EntityType, currencyCode: String? = nil) -> String {
        switch value {
        case .text(let s): return s
        case .picklist(let s): return presentation.schemas.picklistLabel(s, field: field, of: object, locale: locale)
        case .currency(let amount): return formatter.currency(amount, code: currencyCode)
        case .number(let n): return formatter.number(n)
        case .date(let day): return formatter.date(day)
        case .dateTime(let moment): return formatter.dateTime(moment)
        case .checkbox(let b): return Localized.text(b ? "yes" : "no", locale: locale)
        case .reference(let id): return referenceName(id, field: field, object: object) ?? LocaleFormatter.unknown
        }
    }

    /// The object a lookup field points at (from the schema; `OwnerId` → `User`).
    public func target(of field: String, object: EntityType) -> EntityType? {
        if case .reference(let target)? = presentation.schemas.definition(of: field, object: object)?.type { return target }
        return field == "OwnerId" ? "User" : nil
    }

    /// The name a lookup shows: a user's name, a site's name, or the referenced record's compact
    /// title when the viewer may read it; `nil` otherwise (a record's id is never shown).
    public func referenceName(_ id: String, field: String, object: EntityType) -> String? {
        if target(of: field, object: object) == ObjectSchema.siteObject {
            // A site is not a record: its name, or its id when no directory knows it.
            return sites?.name(of: id) ?? id
        }
        if id.hasPrefix("user:") || id.hasPrefix("queue:") || target(of: field, object: object) == "User" {
            return reader?.ownerName(id)
        }
        guard let target = target(of: field, object: object), let reader,
              let record = reader.record(of: target, id: id, viewer: viewer) else { return nil }
        return title(of: record)
    }

    /// A readable record's title from its compact layout (`Lena Lopez`), else its `Name`.
    public func title(of record: RedactedRecord) -> String? {
        let compact = presentation.layouts.compactLayout(for: record.object)
        return compact.title { name in record.value(of: name).map { plain($0, field: name, record: record) } }
            ?? record.value(of: "Name").map { plain($0, field: "Name", record: record) }
    }

    /// A readable record's subtitle from its compact layout (`Contoso Retail`).
    public func subtitle(of record: RedactedRecord) -> String? {
        presentation.layouts.compactLayout(for: record.object).subtitle { name in
            record.value(of: name).map { text($0, field: name, object: record.object, currencyCode: currency(of: record)) }
        }
    }

    /// A record's own currency, when it names a well-formed one.
    public func currency(of record: RedactedRecord) -> String? {
        if case .text(let code)? = record.value(of: Self.currencyField), LocaleFormatter.isCurrencyCode(code) { return code }
        if case .picklist(let code)? = record.value(of: Self.currencyField), LocaleFormatter.isCurrencyCode(code) { return code }
        return nil
    }

    /// Title parts never resolve lookups (a lookup's title naming another lookup could loop).
    private func plain(_ value: FieldValue, field: String, record: RedactedRecord) -> String {
        if case .reference = value { return "" }
        return text(value, field: field, object: record.object)
    }

    /// The layout the viewer's profile sees for an object.
    public func layout(for object: EntityType) -> RecordLayout {
        let fallback = presentation.schemas.schema(for: object).map { $0.standardFields.map(\.name) + $0.fields.map(\.name) } ?? []
        return presentation.layouts.layout(for: object, profile: viewer.user?.profileID, fallbackFields: fallback.filter { $0 != "Id" })
    }
}

extension RecordPresenter {
    /// The currency a sum of these rows' amounts is in: the one every row names (rows naming
    /// none are in the org's default), or the default when they differ (no exchange rates are
    /// applied; list rows with ``currencyField`` requested).
    public func commonCurrency(of rows: [RecordRow]) -> String? {
        var codes: Set<String> = []
        for row in rows {
            switch row.value(of: Self.currencyField) {
            case .text(let code)?, .picklist(let code)?: codes.insert(LocaleFormatter.isCurrencyCode(code) ? code.uppercased() : formatter.currencyCode)
            default: codes.insert(formatter.currencyCode)
            }
        }
        return codes.count == 1 ? codes.first : nil
    }
}
