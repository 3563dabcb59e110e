import CommunityIdentity
import CommunityRendering

/// Points the identity service's links at the site's own pages before handing them to the
/// host's notifier: a reset link for the `partners` site becomes
/// `/partners/reset-password?token=…` (the page holding `community.resetPassword`), a
/// verification link the page holding `community.verifyEmail`. A message for no site, or a site
/// without such a page, keeps the service's path under the site's prefix.
struct SiteLinkNotifier: IdentityNotifier {
    let directory: SignInDirectory
    let host: any IdentityNotifier

    func deliver(_ message: IdentityMessage) throws {
        var link = message.linkPath
        if let siteID = message.siteID, let entry = directory.entry(siteID) {
            let type = message.purpose == .passwordReset ? ResetPasswordComponent.type : VerifyEmailComponent.type
            let query = link.firstIndex(of: "?").map { String(link[$0...]) } ?? ""
            if let page = entry.site.url(ofPageContaining: type) {
                link = page.string + query
            } else {
                link = entry.site.urlPrefix + link
            }
        }
        try host.deliver(IdentityMessage(purpose: message.purpose, userID: message.userID, email: message.email, siteID: message.siteID, linkPath: link))
    }
}
