/// Placeholder so the CommunityContent target builds while its issue is worked on; replaced by the real module.
enum CommunityContentPlaceholder {}
