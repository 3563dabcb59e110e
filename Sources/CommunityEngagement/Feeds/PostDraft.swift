/// What a member writes to make a post.
public struct PostDraft: Sendable, Hashable {
    public var kind: FeedItem.Kind
    public var parent: FeedParent
    /// Rich text (sanitised on posting).
    public var body: String
    public var topics: [String]
    /// For link posts: http, https or relative.
    public var link: String?
    /// For polls: 2 or more choices.
    public var pollChoices: [String]
    /// For file posts.
    public var attachment: FeedItem.Attachment?
    /// The site the post is made in; `nil` posts engine-wide content that every site shows. A
    /// post in a group always belongs to the group's site.
    public var site: String?

    /// Creates a draft.
    public init(
        kind: FeedItem.Kind = .text, parent: FeedParent, body: String, topics: [String] = [], link: String? = nil,
        pollChoices: [String] = [], attachment: FeedItem.Attachment? = nil, site: String? = nil
    ) {
        self.kind = kind
        self.parent = parent
        self.body = body
        self.topics = topics
        self.link = link
        self.pollChoices = pollChoices
        self.attachment = attachment
        self.site = site
    }

    /// A text post.
    public static func text(_ body: String, on parent: FeedParent, topics: [String] = []) -> PostDraft {
        PostDraft(kind: .text, parent: parent, body: body, topics: topics)
    }
}
