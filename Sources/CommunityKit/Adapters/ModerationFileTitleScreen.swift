import CommunityModel
import CommunityContent
import CommunityEngagement

/// Screens file titles with the community's moderation rules (``Moderation/screenFileTitle(_:memberKind:)``),
/// as the uploader's kind of member: a mask rule masks words, a block or freeze rule refuses the
/// upload with ``EngagementError/blocked(rule:keywords:)``.
struct ModerationFileTitleScreen: FileTitleScreen {
    let engagement: Engagement

    func screen(title: String, by uploader: ID<User>) throws -> String {
        let kind = try engagement.store.snapshot().value(uploader)?.kind ?? .customer
        return try engagement.moderation.screenFileTitle(title, memberKind: kind)
    }
}
