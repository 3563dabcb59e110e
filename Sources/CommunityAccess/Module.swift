/// Placeholder so the CommunityAccess target builds while its issue is worked on; replaced by the real module.
enum CommunityAccessPlaceholder {}
