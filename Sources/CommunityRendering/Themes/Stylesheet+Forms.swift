extension Stylesheet {
    /// What the translated forms and the language switcher add to the base stylesheet: the
    /// required marker, help text and the required-fields note, framed field groups, room between
    /// buttons, between forms and the heading after a form, check boxes beside their labels (in
    /// columns inside a `ck-check-columns` group), and the switcher as a row with the current
    /// language in bold; the sign-in page's "Sign in with …" choices as full-width outlined
    /// buttons below a rule.
    public static let forms = """
        .ck-required{color:var(--ck-danger)}.ck-help,.ck-required-note{margin:0;font-size:.9em;color:var(--ck-muted)}\
        .ck-required-note{margin-bottom:var(--ck-space-3)}\
        .ck-button+.ck-button{margin-inline-start:var(--ck-space-2)}\
        .ck-card form+form,.ck-card>form+h3,.ck-card>ul+h3,.ck-card>p+h3,.ck-card+.ck-card{margin-top:var(--ck-space-4)}\
        .ck-field .ck-error{margin:0;font-weight:600}\
        .ck-fieldset{border:1px solid var(--ck-border);border-radius:var(--ck-radius);margin:0 0 var(--ck-space-4);\
        padding:var(--ck-space-2) var(--ck-space-3)}.ck-fieldset legend{padding:0 var(--ck-space-1)}\
        .ck-check{flex-direction:row;align-items:center;gap:var(--ck-space-2);margin-bottom:var(--ck-space-2)}\
        .ck-check input{width:1.25rem;height:1.25rem;margin:0;flex:none}.ck-check label{font-weight:400}\
        .ck-check-columns{columns:13rem}.ck-check-columns>.ck-check{break-inside:avoid}\
        .ck-languages ul{list-style:none;display:flex;flex-wrap:wrap;gap:var(--ck-space-2);margin:0;padding:0}\
        .ck-languages a[aria-current]{font-weight:700;text-decoration:none}\
        .ck-sso-providers{list-style:none;display:flex;flex-direction:column;gap:var(--ck-space-2);max-width:36rem;\
        margin:var(--ck-space-4) 0;padding:var(--ck-space-4) 0 0;border-top:1px solid var(--ck-border)}\
        .ck-sso-providers a{display:flex;align-items:center;justify-content:center;min-height:44px;\
        padding:var(--ck-space-2) var(--ck-space-4);border:1px solid var(--ck-primary);border-radius:var(--ck-radius);\
        background:var(--ck-background);color:var(--ck-primary);font-weight:600;text-align:center;text-decoration:none}\
        .ck-sso-providers a:hover{text-decoration:underline;box-shadow:var(--ck-shadow-2)}
        """
}
