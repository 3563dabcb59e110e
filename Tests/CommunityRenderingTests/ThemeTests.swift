import CommunityRendering
import Foundation
import Testing

@Suite struct ThemeTests {
    @Test func contrastRatiosMatchWCAG() {
        #expect(abs(ThemeColor("#000000").contrast(with: ThemeColor("#ffffff")) - 21) < 0.01)
        #expect(abs(ThemeColor("#777777").contrast(with: ThemeColor("#ffffff")) - 4.48) < 0.01)
        #expect(ThemeColor("#fff").description == "#ffffff")
    }

    @Test func standardThemesPassAA() {
        #expect(Theme.standard.contrastFailures.isEmpty)
        #expect(Theme.partner.contrastFailures.isEmpty)
    }

    @Test func failingPairsAreReported() {
        let theme = Theme(name: "Pale", primary: ThemeColor("#ffeb3b"), onPrimary: ThemeColor("#ffffff"), text: ThemeColor("#999999"), link: ThemeColor("#aaaaaa"))
        #expect(theme.contrastFailures.map(\.name) == [
            "text/background", "text/surface", "link/background", "link/surface", "onPrimary/primary", "focus/background", "focus/surface",
        ], "the focus ring defaults to the (pale) primary colour")
        #expect(theme.contrastFailures.allSatisfy { $0.ratio < 4.5 })
    }

    @Test func customPropertiesCarryTheBrand() {
        let css = Theme.standard.customProperties
        #expect(css.contains("--ck-primary:#0b5cab"))
        #expect(css.contains("--ck-font-body:\"Inter\", \"Noto Sans KR\", system-ui, sans-serif"))
        #expect(css.contains("--ck-radius:6px"))
    }

    @Test func hostileThemeValuesCannotReachCSS() throws {
        #expect(ThemeColor(hex: "red;}body{display:none") == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ThemeColor.self, from: Data("\"#000;}x{\"".utf8)) }
        var theme = Theme.standard
        theme.bodyFonts = ["Inter\"}body{x:y", "Noto Sans"]
        theme.spacing = 1000
        #expect(theme.issues.count == 2)
        #expect(!theme.customProperties.contains("}body{"))
        #expect(theme.customProperties.contains("--ck-space:64px"))
    }

    @Test func stylesheetIsResponsive() {
        #expect(Stylesheet.base.contains("@media (min-width:600px)"))
        #expect(Stylesheet.base.contains(".ck-desktop-4{grid-column:span 4}"))
    }

    /// The sign-in page's "Sign in with …" list (`ck-sso-providers`) reads as a column of
    /// outlined buttons with 44 px targets, not as a bulleted list of links.
    @Test func singleSignOnChoicesAreButtons() {
        let css = Stylesheet.forms
        #expect(css.contains(".ck-sso-providers{list-style:none;display:flex;flex-direction:column"))
        let rule = css.components(separatedBy: ".ck-sso-providers a{").dropFirst().first?.prefix(while: { $0 != "}" }) ?? ""
        #expect(rule.contains("min-height:44px"))
        #expect(rule.contains("border:1px solid var(--ck-primary)"))
        #expect(rule.contains("text-decoration:none"))
    }

    @Test func searchKindFiltersArePillsAndTheCurrentOneIsFilled() {
        let css = Stylesheet.base
        #expect(css.contains(".ck-pills{list-style:none;display:flex;flex-wrap:wrap"))
        let pill = css.components(separatedBy: ".ck-pills a{").dropFirst().first?.prefix(while: { $0 != "}" }) ?? ""
        #expect(pill.contains("min-height:44px"))
        #expect(pill.contains("border-radius:999px"))
        #expect(css.contains(".ck-pills a[aria-current]{background:var(--ck-primary);border-color:var(--ck-primary);color:var(--ck-on-primary)}"))
        #expect(css.contains(".ck-search-refine{display:flex"))
    }

    @Test func everyKindHasASingularLabelInEachLanguage() {
        for kind in SearchItemKind.allCases {
            for locale in ["en_US", "de_DE", "ko_KR"] {
                #expect(!kind.singularLabel(locale: locale).isEmpty)
            }
            #expect(kind.singularLabel(locale: "en_US") != kind.label(locale: "en_US"))
        }
        #expect(SearchItemKind.question.singularLabel(locale: "de_DE") == "Frage")
        #expect(SearchItemKind.file.singularLabel(locale: "fr_FR") == "File")
    }
}
