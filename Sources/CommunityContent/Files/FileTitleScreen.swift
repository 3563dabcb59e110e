public import CommunityModel

/// Screens the title and file name of a file before ``FileService`` stores it, as a community's moderation
/// rules screen posts: the title to store (masked words replaced), or a thrown error that
/// refuses the upload. A host without moderation passes none and titles are stored as given.
public protocol FileTitleScreen: Sendable {
    /// The title to store for `title` uploaded by `uploader`.
    ///
    /// - Throws: an error saying why the title is refused; nothing is stored.
    func screen(title: String, by uploader: ID<User>) throws -> String
}
