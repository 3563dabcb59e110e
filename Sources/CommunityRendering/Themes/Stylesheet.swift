/// The responsive base stylesheet: a 12-column grid with phone, tablet and desktop
/// breakpoints, landmarks and components, all driven by the theme's custom properties.
public enum Stylesheet {
    /// The base CSS (theme-independent).
    public static let base: String = {
        var css = """
            *{box-sizing:border-box}body{margin:0;font-family:var(--ck-font-body);color:var(--ck-text);\
            background:var(--ck-background);line-height:1.5}h1,h2,h3{font-family:var(--ck-font-heading)}\
            a{color:var(--ck-link)}.ck-skip{position:absolute;left:-999px}.ck-skip:focus{left:8px;top:8px}\
            .ck-header{background:var(--ck-primary);color:var(--ck-on-primary);padding:var(--ck-space)}\
            .ck-header a{color:var(--ck-on-primary)}.ck-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:var(--ck-space);margin:0;padding:0}\
            .ck-card{background:var(--ck-surface);border-radius:var(--ck-radius);padding:calc(var(--ck-space)*2);overflow-x:auto}\
            .ck-button{background:var(--ck-primary);color:var(--ck-on-primary);border:0;border-radius:var(--ck-radius);\
            padding:var(--ck-space) calc(var(--ck-space)*2)}.ck-error{color:#a4000f}\
            .ck-row{display:grid;grid-template-columns:repeat(12,1fr);gap:calc(var(--ck-space)*2);padding:var(--ck-space)}\
            .ck-row>*{grid-column:span 12;min-width:0}
            """
        for span in 1...12 { css += ".ck-phone-\(span){grid-column:span \(span)}" }
        for (breakpoint, minWidth) in [("tablet", 600), ("desktop", 1024)] {
            css += "@media (min-width:\(minWidth)px){"
            for span in 1...12 { css += ".ck-\(breakpoint)-\(span){grid-column:span \(span)}" }
            css += "}"
        }
        css += records
        return css
    }()
}
