import CommunityModel

extension RenderContext {
    /// The presenter for this page's viewer and locale, over the community's
    /// ``RecordPresentation`` (the standard one when none is registered).
    public var presenter: RecordPresenter {
        RecordPresenter(
            presentation: service(RecordPresentation.self) ?? .standard, locale: locale, viewer: viewer,
            reader: service(RecordReader.self), now: clock.now(), sites: service(SiteNameDirectory.self))
    }
}
