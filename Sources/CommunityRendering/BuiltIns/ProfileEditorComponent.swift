/// `community.profileEditor`: the signed-in member edits their own public name, title and
/// about text, and uploads a photo (PNG, JPEG, GIF or WebP, within the site's upload limit).
public struct ProfileEditorComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.profileEditor"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Your profile", length: 0...200, summary: "Heading"),
    ])

    /// The action that saves name, title and about (`name`, `title`, `about`).
    public static let action = "updateProfile"
    /// The action that uploads a photo (file field `photo`).
    public static let photoAction = "updateProfilePhoto"
    /// The image types a photo may have.
    public static let photoTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any MemberSettingsProvider).self) else { return Markup.unavailable(context) }
        guard let profile = try provider.ownProfile(viewer: context.viewer) else { return .empty }
        let saved = context.query["saved"] == "1"
        var children: [HTMLNode] = []
        if saved { children.append(Markup.notice(context.text("profileEditor.saved"))) }
        if let photo = profile.photoFileID {
            children.append(.el("img", [
                .class("ck-avatar"), HTMLAttribute("src", url: SiteFileRoute.url(fileID: photo, site: context.site)),
                HTMLAttribute("alt", context.text("profile.photo", ["name": profile.name])), HTMLAttribute("width", "96"), HTMLAttribute("height", "96"),
            ]))
        }
        let values = context.form?.action == Self.action ? nil : ["name": profile.name, "title": profile.title, "about": profile.about]
        let form = values.map { FormState(action: Self.action, values: $0, errors: [:]) }
        var prefilled = context
        if let form { prefilled.form = form }
        children.append(Markup.form(Self.action, context: prefilled, [
            Markup.hidden("member", profile.id),
            Markup.field("name", label: context.text("profileEditor.name"), action: Self.action, context: prefilled, required: true),
            Markup.field("title", label: context.text("profile.title"), action: Self.action, context: prefilled),
            Markup.field("about", label: context.text("profileEditor.about"), action: Self.action, context: prefilled, multiline: true),
        ], submit: context.text("profileEditor.save")))
        let limits = context.site.limits ?? .standard
        children.append(Markup.uploadForm(Self.photoAction, context: context, [
            Markup.hidden("member", profile.id),
            Markup.fileField("photo", label: context.text("profileEditor.photo", ["size": Markup.size(limits.maxUploadBytes)]),
                             action: Self.photoAction, context: context, accept: Self.photoTypes),
        ], submit: context.text("profileEditor.upload")))
        return Markup.section(context.localized(properties.title, default: "profileEditor.title"), children)
    }
}
