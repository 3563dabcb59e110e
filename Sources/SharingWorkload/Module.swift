/// Placeholder so the SharingWorkload target builds while its issue is worked on; replaced by the real module.
enum SharingWorkloadPlaceholder {}
