/// The responsive base stylesheet: a 12-column grid with phone, tablet and desktop
/// breakpoints, landmarks and every built-in component's classes, written only against the
/// theme's custom properties (colours and ``DesignTokens``), so a theme restyles all of it.
/// Pages carry it inline, allowed by its hash in the Content-Security-Policy; no component
/// uses a `style` attribute.
public enum Stylesheet {
    /// The width below which the navigation collapses into a menu, in pixels.
    public static let compactNavigationBreakpoint = 760

    /// The base CSS (theme-independent).
    public static let base: String = {
        var css = rules.joined()
        for span in 1...12 { css += ".ck-phone-\(span){grid-column:span \(span)}" }
        for (breakpoint, minWidth) in [("tablet", 600), ("desktop", 1024)] {
            css += "@media (min-width:\(minWidth)px){"
            for span in 1...12 { css += ".ck-\(breakpoint)-\(span){grid-column:span \(span)}" }
            css += "}"
        }
        css += records
        let narrow = compactNavigationBreakpoint - 1
        css += "@media (max-width:\(narrow)px){" + compactRules.joined() + "}"
        css += "@media (min-width:\(compactNavigationBreakpoint)px){.ck-nav-compact{display:none}}"
        css += "@media (prefers-reduced-motion:reduce){*{transition:none!important}}"
        return css
    }()

    /// The whole stylesheet of a site with `theme`: the base rules and the theme's custom properties.
    public static func css(for theme: Theme) -> String { base + theme.customProperties }

    private static let rules: [String] = [
        // Page
        "*,*::before,*::after{box-sizing:border-box}",
        "html{-webkit-text-size-adjust:100%}",
        "body{margin:0;font-family:var(--ck-font-body);font-size:var(--ck-text-2);color:var(--ck-text);",
        "background:var(--ck-background);line-height:1.55;overflow-wrap:break-word}",
        // Korean wraps between words, as Korean text is set, not between any two syllables.
        ":lang(ko){word-break:keep-all}",
        "h1,h2,h3,h4{font-family:var(--ck-font-heading);line-height:1.25;margin:0 0 var(--ck-space-3)}",
        "h1{font-size:var(--ck-text-6);letter-spacing:-.01em}h2{font-size:var(--ck-text-5)}h3{font-size:var(--ck-text-3)}",
        "p{margin:0 0 var(--ck-space-3)}p:last-child{margin-bottom:0}",
        "a{color:var(--ck-link);text-underline-offset:.15em}a:hover{text-decoration-thickness:2px}",
        "img,svg{max-width:100%;height:auto}",
        "code,pre{overflow-wrap:anywhere;white-space:pre-wrap}",
        ":focus-visible{outline:3px solid var(--ck-focus);outline-offset:2px}",
        ".ck-skip{position:absolute;left:-9999px;top:0;z-index:10;background:var(--ck-background);color:var(--ck-link);",
        "padding:var(--ck-space-2) var(--ck-space-4);border-radius:var(--ck-radius-2)}.ck-skip:focus{left:var(--ck-space-2);top:var(--ck-space-2)}",
        // Regions: full-bleed bands, content centred
        ".ck-region-header{background:var(--ck-primary);color:var(--ck-on-primary)}",
        ".ck-region-main,.ck-region-sidebar{display:block;max-width:var(--ck-content-width);margin:0 auto;",
        "padding:var(--ck-space-5) var(--ck-space-4)}",
        ".ck-region-sidebar{padding-top:0}",
        ".ck-region-footer{margin-top:var(--ck-space-6);background:var(--ck-surface);border-top:1px solid var(--ck-border)}",
        ".ck-region-header>.ck-row,.ck-region-footer>.ck-row{max-width:var(--ck-content-width);margin:0 auto;padding:0 var(--ck-space-4)}",
        // Grid
        // Gutters follow the theme's base spacing unit (`--ck-space`, 8 px → 24 px).
        ".ck-row{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:calc(var(--ck-space)*3)}",
        ".ck-row+.ck-row{margin-top:calc(var(--ck-space)*3)}",
        ".ck-row>*{grid-column:span 12;min-width:0}",
        ".ck-component:empty{display:none}",
        // Space only between components a viewer sees: one hidden for them (a guest's feed)
        // leaves no gap above the next, and a row with nothing visible takes no room.
        ".ck-component:not(:empty)~.ck-component{margin-top:var(--ck-space-5)}",
        "@supports selector(:has(*)){.ck-row:not(:has(.ck-component:not(:empty))){display:none}",
        ".ck-row+.ck-row{margin-top:0}.ck-row:has(.ck-component:not(:empty))~.ck-row{margin-top:calc(var(--ck-space)*3)}}",
        // Header and navigation
        // Brand and account on the first line, the navigation as a bar of its own below them.
        ".ck-header{display:flex;flex-wrap:wrap;align-items:center;gap:var(--ck-space-2) var(--ck-space-5);padding:var(--ck-space-3) 0 0}",
        ".ck-header>.ck-nav{order:3;flex-basis:100%;border-top:1px solid color-mix(in srgb,var(--ck-on-primary) 25%,transparent)}",
        ".ck-header>.ck-account{order:2}",
        ".ck-header-hero{padding-top:var(--ck-space-6)}.ck-header-compact{padding-top:var(--ck-space-1)}",
        ".ck-header a,.ck-header summary{color:var(--ck-on-primary)}",
        ".ck-header :focus-visible{outline-color:var(--ck-on-primary)}",
        ".ck-brand{display:inline-flex;align-items:center;gap:var(--ck-space-2);font-weight:700;font-size:var(--ck-text-3);",
        "text-decoration:none;margin-right:auto}",
        ".ck-brand img{display:block;height:32px;width:auto;max-width:160px;background:var(--ck-background);",
        "border-radius:var(--ck-radius-1);padding:2px}",
        ".ck-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:var(--ck-space-1);margin:0 0 0 calc(-1*var(--ck-space-3));padding:0}",
        ".ck-nav a{display:block;padding:var(--ck-space-3) var(--ck-space-3) calc(var(--ck-space-3) - 3px);text-decoration:none;",
        "border-bottom:3px solid transparent}",
        ".ck-nav a:hover{text-decoration:underline}",
        ".ck-nav a[aria-current=page]{border-bottom-color:var(--ck-on-primary);font-weight:700}",
        ".ck-nav ul ul{display:none}",
        ".ck-nav-compact summary{display:inline-flex;align-items:center;gap:var(--ck-space-2);cursor:pointer;list-style:none;",
        "min-height:44px;padding:var(--ck-space-2) var(--ck-space-3);border:1px solid var(--ck-on-primary);border-radius:var(--ck-radius);font-weight:600}",
        ".ck-nav-compact summary::-webkit-details-marker{display:none}",
        ".ck-nav-compact summary::before{content:\"\\2630\";font-size:1.1em}",
        ".ck-nav-compact[open] summary::before{content:\"\\2715\"}",
        ".ck-nav-compact{padding:var(--ck-space-2) 0}",
        ".ck-nav-compact ul{flex-direction:column;padding-top:var(--ck-space-2);margin:0}",
        ".ck-nav-compact a{border-bottom:0;border-left:3px solid transparent;padding:var(--ck-space-2) var(--ck-space-3)}",
        ".ck-nav-compact a[aria-current=page]{border-left-color:var(--ck-on-primary)}",
        ".ck-nav-compact ul ul{display:flex;padding-left:var(--ck-space-4)}",
        // A menu group in the wide row: its label opens a drop-down of its entries (no script).
        ".ck-nav-group{position:relative}",
        ".ck-nav-group summary{display:block;cursor:pointer;list-style:none;padding:var(--ck-space-3) var(--ck-space-3) calc(var(--ck-space-3) - 3px);",
        "border-bottom:3px solid transparent}",
        ".ck-nav-group summary::-webkit-details-marker{display:none}",
        ".ck-nav-group summary::after{content:\" \\25BE\"}",
        ".ck-nav-group summary.ck-nav-current{border-bottom-color:var(--ck-on-primary);font-weight:700}",
        ".ck-nav-wide .ck-nav-group ul{display:block;position:absolute;left:0;top:100%;z-index:10;min-width:14rem;margin:0;",
        "padding:var(--ck-space-2) 0;background:var(--ck-background);border:1px solid var(--ck-border);border-radius:var(--ck-radius);box-shadow:var(--ck-shadow-2)}",
        ".ck-header .ck-nav-group ul a{color:var(--ck-link);border-bottom:0;padding:var(--ck-space-2) var(--ck-space-4);white-space:nowrap}",
        ".ck-header .ck-nav-group ul a[aria-current=page]{font-weight:700;text-decoration:underline}",
        ".ck-header .ck-nav-group ul :focus-visible{outline-color:var(--ck-focus)}",
        ".ck-nav-label{display:block;padding:var(--ck-space-2) var(--ck-space-3);font-weight:600}",
        ".ck-account{display:flex;align-items:center;flex-wrap:wrap;gap:var(--ck-space-3)}",
        ".ck-account-name{font-weight:600}",
        ".ck-account>a{display:inline-flex;align-items:center;min-height:44px;padding:var(--ck-space-2) var(--ck-space-4);",
        "border:1px solid var(--ck-on-primary);border-radius:var(--ck-radius);font-weight:600;text-decoration:none}",
        ".ck-account>a:hover{text-decoration:underline}",
        ".ck-sign-out{margin:0}",
        // The account menu: the member's name opens a panel of links (no script).
        ".ck-account-menu{position:relative}",
        ".ck-account-menu summary{display:inline-flex;align-items:center;gap:var(--ck-space-1);min-height:44px;cursor:pointer;list-style:none;",
        "padding:0 var(--ck-space-2)}",
        ".ck-account-menu summary::-webkit-details-marker{display:none}",
        ".ck-account-menu summary::after{content:\"\\25BE\"}",
        ".ck-account-menu ul{position:absolute;right:0;top:100%;z-index:10;min-width:12rem;list-style:none;margin:var(--ck-space-1) 0 0;",
        "padding:var(--ck-space-2) 0;background:var(--ck-background);border:1px solid var(--ck-border);border-radius:var(--ck-radius);box-shadow:var(--ck-shadow-2)}",
        ".ck-header .ck-account-menu ul a{display:block;padding:var(--ck-space-2) var(--ck-space-4);color:var(--ck-link);white-space:nowrap}",
        ".ck-header .ck-account-menu ul :focus-visible{outline-color:var(--ck-focus)}",
        ".ck-account-menu a[aria-current=page]{font-weight:700}",
        ".ck-header .ck-button{background:transparent;color:var(--ck-on-primary);border:1px solid var(--ck-on-primary)}",
        // Cards and sections
        ".ck-card{background:var(--ck-surface);border-radius:var(--ck-radius-3);padding:var(--ck-space-5);",
        "box-shadow:var(--ck-shadow-1);min-width:0}",
        ".ck-card>h2{font-size:var(--ck-text-4);margin-bottom:var(--ck-space-4)}",
        ".ck-banner{background:var(--ck-primary);color:var(--ck-on-primary);border-radius:var(--ck-radius-3);",
        "padding:var(--ck-space-6) var(--ck-space-5);box-shadow:var(--ck-shadow-2)}",
        ".ck-banner a{color:var(--ck-on-primary)}.ck-banner :focus-visible{outline-color:var(--ck-on-primary)}",
        ".ck-banner p{font-size:var(--ck-text-3);max-width:60ch}",
        ".ck-banner>:last-child{margin-bottom:0}",
        ".ck-banner .ck-button{background:var(--ck-on-primary);color:var(--ck-primary);margin-top:var(--ck-space-4)}",
        ".ck-banner img{display:block;margin-top:var(--ck-space-4);border-radius:var(--ck-radius-2)}",
        // Buttons
        ".ck-button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;",
        "background:var(--ck-primary);color:var(--ck-on-primary);border:1px solid var(--ck-primary);border-radius:var(--ck-radius);",
        "padding:var(--ck-space-2) var(--ck-space-4);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}",
        ".ck-button:hover{box-shadow:var(--ck-shadow-2);text-decoration:underline}",
        // Forms
        "form{margin:0}",
        ".ck-search{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:var(--ck-space-2);align-items:end;",
        "background:var(--ck-surface);border-radius:var(--ck-radius-3);padding:var(--ck-space-4) var(--ck-space-5);box-shadow:var(--ck-shadow-1)}",
        ".ck-search label{grid-column:1/-1;font-weight:600}",
        ".ck-search input{max-width:none!important}",
        ".ck-field{display:flex;flex-direction:column;gap:var(--ck-space-1);margin-bottom:var(--ck-space-4)}",
        ".ck-field label,legend{font-weight:600}",
        "fieldset{border:1px solid var(--ck-border);border-radius:var(--ck-radius-2);padding:var(--ck-space-3) var(--ck-space-4);",
        "margin:0 0 var(--ck-space-4)}",
        "input:not([type=hidden]):not([type=checkbox]):not([type=radio]),select,textarea{width:100%;max-width:36rem;",
        "min-height:44px;padding:var(--ck-space-2) var(--ck-space-3);font:inherit;color:var(--ck-text);",
        "background:var(--ck-background);border:1px solid var(--ck-border);border-radius:var(--ck-radius-1)}",
        "textarea{min-height:8rem;resize:vertical}",
        "[aria-invalid=true]{border-color:var(--ck-danger)!important;border-width:2px!important}",
        ".ck-error{color:var(--ck-danger);font-weight:600}",
        ".ck-notice{border-left:4px solid var(--ck-primary);background:var(--ck-background);padding:var(--ck-space-3) var(--ck-space-4);",
        "border-radius:var(--ck-radius-1)}",
        ".ck-secret,.ck-otpauth{font-family:ui-monospace,monospace;overflow-wrap:anywhere}",
        // Lists and meta text
        ".ck-list{list-style:none;margin:0;padding:0}",
        ".ck-list>li{padding:var(--ck-space-3) 0;border-top:1px solid var(--ck-border)}",
        ".ck-list>li:first-child{border-top:0;padding-top:0}",
        ".ck-meta{color:var(--ck-muted);font-size:var(--ck-text-1)}",
        ".ck-promoted{display:inline-block;margin-left:var(--ck-space-2);padding:0 .4em;border:1px solid var(--ck-border);border-radius:.3em;font-size:var(--ck-text-1);font-weight:600}",
        ".ck-empty,.ck-unavailable{color:var(--ck-muted);margin:0}",
        // Search results: kind filters as pills, the kind form on one line, each result's kind above its title
        ".ck-pills{list-style:none;display:flex;flex-wrap:wrap;gap:var(--ck-space-2);margin:0 0 var(--ck-space-4);padding:0}",
        ".ck-pills a{display:inline-flex;align-items:center;min-height:44px;padding:0 var(--ck-space-4);border:1px solid var(--ck-border);",
        "border-radius:999px;background:var(--ck-background);font-weight:600;text-decoration:none}",
        ".ck-pills a:hover{text-decoration:underline}",
        ".ck-pills a[aria-current]{background:var(--ck-primary);border-color:var(--ck-primary);color:var(--ck-on-primary)}",
        ".ck-search-refine{display:flex;flex-wrap:wrap;align-items:center;gap:var(--ck-space-2) var(--ck-space-3);",
        "margin:0 0 var(--ck-space-4);padding-bottom:var(--ck-space-4);border-bottom:1px solid var(--ck-border)}",
        ".ck-search-refine label{font-weight:600}.ck-search-refine select{width:auto;min-width:11rem}",
        ".ck-kind{display:block;color:var(--ck-muted);font-size:var(--ck-text-1);font-weight:600;text-transform:uppercase;letter-spacing:.04em}",
        ".ck-result-title{font-size:var(--ck-text-3);font-weight:600}",
        // Ideas: the score and vote button in a box beside the title, the status as a badge
        ".ck-idea{display:flex;align-items:flex-start;gap:var(--ck-space-4)}",
        ".ck-vote{flex:none;display:flex;flex-direction:column;align-items:center;gap:var(--ck-space-1);min-width:4rem;",
        "padding:var(--ck-space-2);border:1px solid var(--ck-border);border-radius:var(--ck-radius-2);background:var(--ck-background)}",
        ".ck-vote .ck-score{font-size:var(--ck-text-4);line-height:1.2}",
        ".ck-vote .ck-button{min-width:44px;padding:var(--ck-space-1) var(--ck-space-3)}",
        ".ck-voted{font-size:var(--ck-text-1);color:var(--ck-muted);font-weight:600}",
        ".ck-idea-main{min-width:0;flex:1}.ck-idea-title{font-size:var(--ck-text-3)}",
        ".ck-status{display:inline-block;padding:0 .5em;border-radius:999px;background:var(--ck-surface);border:1px solid var(--ck-border);",
        "font-size:var(--ck-text-1);font-weight:600;color:var(--ck-text)}",
        ".ck-result-title+.ck-meta,.ck-promoted+.ck-meta{margin-top:var(--ck-space-1)}",
        ".ck-empty a{font-weight:600}",
        // Tables
        ".ck-table-scroll{overflow-x:auto;max-width:100%;border-radius:var(--ck-radius-2)}",
        "table{border-collapse:collapse;width:100%;font-size:var(--ck-text-2)}",
        "caption{text-align:left;font-weight:600;padding-bottom:var(--ck-space-2)}",
        "th,td{text-align:left;padding:var(--ck-space-2) var(--ck-space-3);border-bottom:1px solid var(--ck-border);vertical-align:top}",
        "th{font-size:var(--ck-text-1);color:var(--ck-muted);white-space:nowrap}",
        // Record pages, pipeline, charts
        ".ck-record,.ck-profile,.ck-question,.ck-topic{background:var(--ck-surface);border-radius:var(--ck-radius-3);",
        "padding:var(--ck-space-5);box-shadow:var(--ck-shadow-1)}",
        ".ck-record dl,.ck-profile dl{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--ck-space-1) var(--ck-space-5);",
        "margin:0;align-items:baseline}",
        ".ck-record dt,.ck-profile dt{color:var(--ck-muted);font-size:var(--ck-text-1);margin-top:var(--ck-space-2)}",
        ".ck-record dd,.ck-profile dd{margin:0}",
        "@media (min-width:600px){.ck-record dl,.ck-profile dl{grid-template-columns:minmax(8rem,14rem) minmax(0,1fr)}",
        ".ck-record dt,.ck-profile dt{margin-top:0}}",
        ".ck-pipeline{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:var(--ck-space-3)}",
        ".ck-stage{background:var(--ck-background);border-radius:var(--ck-radius-2);padding:var(--ck-space-3);",
        "border-top:3px solid var(--ck-primary);min-width:0}",
        ".ck-stage h3{font-size:var(--ck-text-2)}",
        ".ck-chart{margin:0 0 var(--ck-space-4);color:var(--ck-primary)}",
        "svg.ck-chart{display:block;width:100%;max-width:30rem}",
        // Only text without its own colour: a value label over a bar sets one chosen by contrast.
        "svg.ck-chart text:not([fill]){fill:var(--ck-text)}",
        // Reports and dashboards
        ".ck-dashboard-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:var(--ck-space-4)}",
        ".ck-dashboard-tile{min-width:0}",
        "@media (min-width:60rem){.ck-span-2{grid-column:span 2}.ck-span-3{grid-column:span 3}.ck-span-4{grid-column:1/-1}}",
        ".ck-report-filter,.ck-report-grouping{display:flex;flex-wrap:wrap;gap:var(--ck-space-3)}",
        ".ck-report-columns{columns:14rem}",
        ".ck-report-subtotal th,.ck-report-subtotal td,.ck-report-total th,.ck-report-total td{font-weight:700}",
        // The management console: the period and site form in a row, KPI figures as cards
        ".ck-kpi-range{display:flex;flex-wrap:wrap;align-items:flex-end;gap:var(--ck-space-3)}",
        ".ck-kpi-range .ck-field{flex:1 1 11rem;margin:0}.ck-kpi-range .ck-field>*{max-width:none}",
        ".ck-kpi-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:var(--ck-space-3);margin:0 0 var(--ck-space-4)}",
        ".ck-kpi-card{background:var(--ck-background);border-radius:var(--ck-radius-2);padding:var(--ck-space-3);",
        "border-top:3px solid var(--ck-primary);min-width:0}",
        ".ck-kpi-card dt{color:var(--ck-muted);font-size:var(--ck-text-1)}",
        ".ck-kpi-card dd{margin:0;font-size:var(--ck-text-4);font-weight:700;overflow-wrap:anywhere}",
        // Articles, questions, profiles
        ".ck-rich-text,.ck-article-body,.ck-question-body{max-width:72ch}",
        ".ck-topic,.ck-question,.ck-profile,.ck-record{min-width:0}",
        ".ck-score{font-weight:700}",
        ".ck-helpful{display:flex;flex-wrap:wrap;align-items:center;gap:var(--ck-space-2);margin-top:var(--ck-space-4)}",
        ".ck-suggestions{margin-top:var(--ck-space-4)}",
        // Footer
        ".ck-footer{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:var(--ck-space-3);",
        "padding:var(--ck-space-5) 0;color:var(--ck-text);font-size:var(--ck-text-1)}",
        ".ck-footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:var(--ck-space-2) var(--ck-space-4);margin:0;padding:0}",
        ".ck-footer-columns{align-items:flex-start}",
        ".ck-footer-site{font-weight:700;margin:0}",
    ]

    /// Rules for narrow screens: the menu collapses behind its summary, the wide list hides.
    private static let compactRules: [String] = [
        ".ck-nav-wide{display:none}",
        ".ck-header>.ck-brand{flex-basis:100%}",
        ".ck-header>.ck-nav{order:2;flex:1 1 auto;flex-basis:auto;border-top:0}",
        ".ck-header>.ck-account{order:3}",
        ".ck-header{padding-bottom:var(--ck-space-1)}",
        "h1{font-size:var(--ck-text-5)}",
        ".ck-card,.ck-record,.ck-profile,.ck-question,.ck-topic{padding:var(--ck-space-4)}",
        ".ck-banner{padding:var(--ck-space-5) var(--ck-space-4)}",
        ".ck-region-main,.ck-region-sidebar{padding:var(--ck-space-4) var(--ck-space-3)}",
        ".ck-region-header>.ck-row,.ck-region-footer>.ck-row{padding:0 var(--ck-space-3)}",
    ]
}
