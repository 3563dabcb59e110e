import CommunityModel
import CommunityAccess
import CommunityAnalytics
import Foundation

/// `community.reportBuilder`: builds, runs, saves and exports reports without JavaScript.
///
/// Every choice (object, detail columns, up to three filters and how they combine, two row
/// groupings and a matrix column grouping with date periods, a summary, the chart) is a GET
/// parameter of the page (``ReportBuilderQuery``), so choosing an object and pressing *Run*
/// reloads the page with the fields of that object and the result: a chart, the table with
/// subtotals and totals, a CSV export link (``ReportExportRoute``) and a form that saves the
/// report (the `saveReport` action) privately or into a folder the viewer may edit. `?report=<id>`
/// opens a saved report. Everything runs as the viewer (``ReportLibrary``).
public struct ReportBuilderComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// Whether reports are limited to the site chosen on the page (the management console's
        /// `site` choice, ``KPIRangeComponent``): only records created through that site count
        /// (``ReportDefinition/limited(toSite:)``); no choice reports across all sites.
        public var limitToChosenSite: Bool?
    }

    /// The action that saves a report.
    public static let saveAction = "saveReport"

    public static let type: ComponentType = "community.reportBuilder"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
        .init("limitToChosenSite", .boolean, default: false, summary: "Limit reports to the site chosen on the page"),
    ])

    /// The site reports are limited to: the page's `site` choice when ``Properties/limitToChosenSite`` is set.
    func chosenSite(_ context: RenderContext) -> String? {
        guard properties.limitToChosenSite == true, let raw = context.query["site"], !raw.isEmpty, raw.utf8.count <= 64 else { return nil }
        return raw
    }

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let title = context.localized(properties.title, default: "report.builder.title")
        guard let library = context.service(ReportLibrary.self), let user = context.viewer.user?.id else {
            return Markup.section(title, [Markup.unavailable(context)])
        }
        let markup = ReportMarkup(context: context)
        let snapshot = library.access.snapshot
        var query = context.query
        var saved: SavedReport?
        var children: [HTMLNode] = []
        if let id = query["report"].flatMap({ try? ID<SavedReport>(parsing: $0) }) {
            do {
                let report = try library.report(id, for: user)
                saved = report
                if query["object"] == nil {
                    query = ReportBuilderQuery.parameters(of: report.definition, chart: report.chart)
                    query["report"] = id.rawValue
                }
            } catch {
                children.append(markup.errorNotice(error))
            }
        }
        if query["saved"] != nil || context.query["saved"] != nil { children.append(Markup.notice(context.text("report.saved"))) }
        var definition: ReportDefinition?
        var parseError: ReportError?
        do { definition = try ReportBuilderQuery.definition(from: query) } catch { parseError = error }
        let site = chosenSite(context)
        if let site {
            let name = context.presenter.text(.reference(site), field: ObjectSchema.siteField, object: "Case")
            children.append(Markup.notice(context.text("report.limitedToSite", ["site": name])))
            if let limited = definition, context.presenter.presentation.schemas.definition(of: ObjectSchema.siteField, object: limited.object) == nil {
                children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")],
                                    text: context.text("report.noSiteField", ["object": context.presenter.objectLabel(limited.object, plural: true)])))
                definition = nil
            }
            definition = definition.map { $0.limited(toSite: site) }
        }
        children.append(form(query: query, library: library, user: user, snapshot: snapshot, context: context, markup: markup, site: site))
        if let parseError { children.append(markup.errorNotice(parseError)) }
        if let definition {
            do {
                let result = try library.run(definition, as: user)
                let kind = query["chart"].flatMap(DashboardTile.Kind.init(rawValue:)) ?? .bar
                let heading = saved?.name ?? context.text("report.result")
                var output: [HTMLNode] = []
                if let notice = markup.truncationNotice(result) { output.append(notice) }
                if !definition.rowGroupings.isEmpty || definition.columnGrouping != nil || kind == .metric || kind == .gauge {
                    output.append(markup.chart(result, kind: kind == .table ? .bar : kind, summary: ReportMarkup.summaries(definition).count - 1,
                                               title: heading, id: "report-builder"))
                }
                output.append(markup.table(result, caption: heading))
                var exportParameters = query
                exportParameters.removeValue(forKey: "report")
                exportParameters["site"] = site
                if let export = ReportExportRoute.url(prefix: context.site.urlPrefix, parameters: exportParameters) {
                    output.append(.el("p", [.class("ck-report-links")], [Markup.link(context.text("report.exportCSV"), export)]))
                }
                output.append(saveForm(definition, chart: kind, saved: saved, library: library, user: user, snapshot: snapshot, context: context))
                children.append(Markup.section(heading, output))
            } catch {
                children.append(markup.errorNotice(error))
            }
        }
        let mine = library.reports(readableBy: user)
        if !mine.isEmpty, let page = SafeURL(context.currentPath) {
            children.append(Markup.section(context.text("report.mine"), [Markup.list(mine.prefix(50).map { report in
                Markup.link(report.name, SafeURL(page.string + "?report=" + ReportBuilderQuery.encode(report.id.rawValue)))
            })]))
        }
        return Markup.section(title, children)
    }

    // MARK: The builder form

    func form(query: [String: String], library: ReportLibrary, user: ID<User>, snapshot: AccessSnapshot, context: RenderContext, markup: ReportMarkup,
              site: String?) -> HTMLNode {
        let presenter = context.presenter
        let objects = library.engine.reportableObjects(for: user, in: snapshot)
        let chosen = query["object"].map { EntityType($0) }
        var groups: [HTMLNode] = [Markup.group(context.text("report.object"), [
            Self.select("object", label: context.text("report.object"), options: [("", context.text("report.none"))] + objects.map { ($0.name, presenter.objectLabel($0)) },
                        selected: query["object"] ?? ""),
        ])]
        if let object = chosen, objects.contains(object) {
            let fields = library.engine.reportableFields(of: object, for: user, in: snapshot)
            let fieldOptions = [("", context.text("report.none"))] + fields.map { ($0.path, markup.fieldLabel($0.path, object: object)) }
            let columns: [HTMLNode] = fields.prefix(40).map { field in
                Self.checkbox("col." + field.path, label: markup.fieldLabel(field.path, object: object), checked: query["col." + field.path] != nil)
            }
            groups.append(.el("fieldset", [.class("ck-fieldset ck-report-columns")], [.el("legend", text: context.text("report.columns"))] + columns))
            let operators = ReportOperator.allCases.map { ($0.rawValue, context.text(UIStringKey("report.op." + $0.rawValue))) }
            var filters: [HTMLNode] = []
            for i in 1...ReportBuilderQuery.filterRows {
                filters.append(.el("div", [.class("ck-report-filter")], [
                    Self.select("f\(i).field", label: context.text("report.filterField", ["n": String(i)]), options: fieldOptions, selected: query["f\(i).field"] ?? ""),
                    Self.select("f\(i).op", label: context.text("report.filterOperator"), options: operators, selected: query["f\(i).op"] ?? "equals"),
                    Self.input("f\(i).value", label: context.text("report.filterValue"), value: query["f\(i).value"] ?? "", help: i == 1 ? context.text("report.valueHelp") : nil),
                ]))
            }
            filters.append(Self.select("logic", label: context.text("report.logic"), options: ["all", "any", "none"].map { ($0, context.text(UIStringKey("report.logic." + $0))) },
                                       selected: query["logic"] ?? "all"))
            groups.append(Markup.group(context.text("report.filters"), filters))
            let buckets = [("", context.text("report.bucket.none"))] + DateBucket.allCases.map { ($0.rawValue, context.text(UIStringKey("report.bucket." + $0.rawValue))) }
            var grouping: [HTMLNode] = []
            for (key, label) in [("g1", "report.groupFirst"), ("g2", "report.groupSecond"), ("across", "report.groupAcross")] {
                grouping.append(.el("div", [.class("ck-report-grouping")], [
                    Self.select(key, label: context.text(UIStringKey(label)), options: fieldOptions, selected: query[key] ?? ""),
                    Self.select(key + ".bucket", label: context.text("report.bucket"), options: buckets, selected: query[key + ".bucket"] ?? ""),
                ]))
            }
            groups.append(Markup.group(context.text("report.grouping"), grouping))
            let functions = ReportSummary.Function.allCases.map { ($0.rawValue, context.text(UIStringKey("report.function." + $0.rawValue))) }
            groups.append(Markup.group(context.text("report.summary"), [
                Self.select("s", label: context.text("report.summaryFunction"), options: functions, selected: query["s"] ?? "count"),
                Self.select("s.field", label: context.text("report.summaryField"), options: fieldOptions, selected: query["s.field"] ?? ""),
                Self.select("chart", label: context.text("report.chart"),
                            options: DashboardTile.Kind.allCases.map { ($0.rawValue, context.text(UIStringKey("report.chart." + $0.rawValue))) },
                            selected: query["chart"] ?? "bar"),
            ]))
        }
        let action = SafeURL(context.currentPath) ?? SafeURL.path([], prefix: context.site.urlPrefix)
        let submit = chosen == nil ? context.text("report.chooseObject") : context.text("report.run")
        // Running again keeps the page's site choice.
        let keep: [HTMLNode] = site.map { [Markup.hidden("site", $0)] } ?? []
        return .el("form", [HTMLAttribute("method", "get"), HTMLAttribute("action", url: action), .class("ck-report-builder")],
                   keep + groups + [.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: submit)])
    }

    func saveForm(_ definition: ReportDefinition, chart: DashboardTile.Kind, saved: SavedReport?, library: ReportLibrary, user: ID<User>,
                  snapshot: AccessSnapshot, context: RenderContext) -> HTMLNode {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(definition)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        let folders = library.folders(readableBy: user).filter {
            snapshot.access(user, to: ReportFolder.entityType, id: $0.id.rawValue) >= .edit
        }
        var fields: [HTMLNode] = [
            Markup.hidden("definition", json), Markup.hidden("chart", chart.rawValue), Markup.hidden("page", context.currentPath),
            Markup.field("name", label: context.text("report.name"), action: Self.saveAction, context: context, required: true,
                         defaultValue: saved?.name ?? "", maxLength: 120),
        ]
        if let saved, saved.owner == user { fields.append(Markup.hidden("report", saved.id.rawValue)) }
        if !folders.isEmpty {
            fields.append(Markup.field("folder", label: context.text("report.folder"), action: Self.saveAction, context: context,
                                       options: [""] + folders.map(\.id.rawValue), defaultValue: saved?.folderID?.rawValue ?? "",
                                       labels: Dictionary(uniqueKeysWithValues: [("", context.text("report.private"))] + folders.map { ($0.id.rawValue, $0.name) })))
        }
        return Markup.form(Self.saveAction, context: context, fields, submit: context.text("report.save"))
    }

    // MARK: Controls

    static func controlID(_ name: String) -> String { "rb-" + name.replacingOccurrences(of: ".", with: "-") }

    static func select(_ name: String, label: String, options: [(String, String)], selected: String) -> HTMLNode {
        let id = controlID(name)
        return .el("div", [.class("ck-field")], [
            .el("label", [HTMLAttribute("for", id)], text: label),
            .el("select", [HTMLAttribute("id", id), HTMLAttribute("name", name)], options.map { value, text in
                var a = [HTMLAttribute("value", value)]
                if value == selected { a.append(HTMLAttribute(flag: "selected")) }
                return .el("option", a, text: text)
            }),
        ])
    }

    static func input(_ name: String, label: String, value: String, help: String?) -> HTMLNode {
        let id = controlID(name)
        var attributes = [HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "text"), HTMLAttribute("value", value),
                          HTMLAttribute("maxlength", "200")]
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label)]
        if let help {
            attributes.append(HTMLAttribute("aria-describedby", id + "-help"))
            nodes.append(.el("p", [.class("ck-help"), HTMLAttribute("id", id + "-help")], text: help))
        }
        nodes.append(.el("input", attributes))
        return .el("div", [.class("ck-field")], nodes)
    }

    static func checkbox(_ name: String, label: String, checked: Bool) -> HTMLNode {
        let id = controlID(name)
        var attributes = [HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "checkbox"), HTMLAttribute("value", "1")]
        if checked { attributes.append(HTMLAttribute(flag: "checked")) }
        return .el("div", [.class("ck-check")], [.el("input", attributes), .el("label", [HTMLAttribute("for", id)], text: label)])
    }
}
