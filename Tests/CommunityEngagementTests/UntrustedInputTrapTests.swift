import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

/// Clock values and character references from outside give values instead of traps.
@Suite struct UntrustedInputTrapTests {
    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300])
    func reputationDayKeyOfAnyDate(_ seconds: Double) {
        #expect(ReputationEngine.dayKey(Date(timeIntervalSince1970: seconds)).hasPrefix("d"))
    }

    @Test func reputationDayKeyOfOrdinaryDatesCountsDays() {
        #expect(ReputationEngine.dayKey(Date(timeIntervalSince1970: 86_400 * 3 + 5)) == "d3")
        #expect(ReputationEngine.dayKey(Date(timeIntervalSince1970: -1)) == "d-1")
    }

    @Test func invalidNumericReferencesBecomeReplacementCharacters() throws {
        let html = try RichTextSanitizer().sanitize("<p>&#0;&#xD800;&#1114112;&#99999999999;&#65;</p>")
        #expect(html.html == "<p>\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}A</p>")
    }
}
