/// Placeholder so the CommunityTesting target builds while its issue is worked on; replaced by the real module.
enum CommunityTestingPlaceholder {}
