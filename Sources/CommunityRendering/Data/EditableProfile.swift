/// The signed-in member's own profile, as the profile form edits it.
public struct EditableProfile: Sendable, Hashable {
    /// The member's id.
    public var id: String
    /// The public name.
    public var name: String
    /// Title or role text.
    public var title: String
    /// About me.
    public var about: String
    /// The photo's file id, if any (served at `<prefix>/_file/<id>`).
    public var photoFileID: String?

    /// A profile.
    public init(id: String, name: String, title: String, about: String, photoFileID: String?) {
        self.id = id
        self.name = name
        self.title = title
        self.about = about
        self.photoFileID = photoFileID
    }
}
