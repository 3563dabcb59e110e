extension RequestLimitError {
    /// The reason in a person's language (``description`` stays English, for logs), from the
    /// `limit.*` and `upload.*` keys of `strings`.
    public func message(_ strings: UIStrings, locale: String) -> String {
        switch self {
        case .pathTooLong(_, let limit): strings.text("limit.pathTooLong", locale: locale, ["limit": String(limit)])
        case .queryTooLong(let limit): strings.text("limit.queryTooLong", locale: locale, ["limit": String(limit)])
        case .tooManyQueryParameters(let count, let limit):
            strings.text("limit.tooManyQueryParameters", locale: locale, ["count": String(count), "limit": String(limit)])
        case .bodyTooLarge(let limit): strings.text("limit.bodyTooLarge", locale: locale, ["limit": String(limit)])
        case .tooManyFields(let count, let limit): strings.text("limit.tooManyFields", locale: locale, ["count": String(count), "limit": String(limit)])
        case .fieldTooLong(let field, _, let limit): strings.text("limit.fieldTooLong", locale: locale, ["field": field, "limit": String(limit)])
        case .controlCharacter(let field): strings.text("limit.controlCharacter", locale: locale, ["field": field])
        case .uploadTooLarge(let bytes, let limit): strings.text("upload.tooLarge", locale: locale, ["bytes": String(bytes), "limit": String(limit)])
        }
    }
}
