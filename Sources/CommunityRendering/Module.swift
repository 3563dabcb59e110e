/// Placeholder so the CommunityRendering target builds while its issue is worked on; replaced by the real module.
enum CommunityRenderingPlaceholder {}
