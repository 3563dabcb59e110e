/// Placeholder so the CommunitySQLite target builds while its issue is worked on; replaced by the real module.
enum CommunitySQLitePlaceholder {}
