extension Stylesheet {
    /// Form fields and the language switcher: each label above its control, help text under the
    /// label, controls a readable width (full width on a phone), a visible required marker,
    /// grouped fields in a light frame.
    public static let forms = """
        .ck-field{display:flex;flex-direction:column;gap:2px;margin:0 0 calc(var(--ck-space)*1.5)}\
        .ck-field label{font-weight:600}.ck-required{color:#a4000f}\
        .ck-field input,.ck-field select,.ck-field textarea{font:inherit;width:100%;max-width:32rem;padding:6px 8px;\
        border:1px solid #6b6f76;border-radius:4px;background:#fff;color:#1b1b1f}\
        .ck-help,.ck-required-note{margin:0;font-size:.9em}.ck-field .ck-error{margin:0;font-weight:600}\
        .ck-fieldset{border:1px solid #c4c7cc;border-radius:var(--ck-radius);margin:0 0 calc(var(--ck-space)*2);\
        padding:var(--ck-space) calc(var(--ck-space)*1.5)}.ck-fieldset legend{font-weight:600;padding:0 4px}\
        .ck-languages ul{list-style:none;display:flex;gap:var(--ck-space);margin:0;padding:0}\
        .ck-languages a[aria-current]{font-weight:700;text-decoration:none}
        """
}
