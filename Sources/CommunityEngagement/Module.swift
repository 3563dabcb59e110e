/// Placeholder so the CommunityEngagement target builds while its issue is worked on; replaced by the real module.
enum CommunityEngagementPlaceholder {}
