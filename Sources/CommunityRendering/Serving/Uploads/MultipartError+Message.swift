extension MultipartError {
    /// The reason in a person's language (``description`` stays English and precise, for logs),
    /// from the `multipart.*` keys of `strings`: what a person can act on, never byte offsets.
    public func message(_ strings: UIStrings, locale: String) -> String {
        switch self {
        case .notMultipart: strings.text("multipart.notMultipart", locale: locale)
        case .tooManyParts(let limit): strings.text("multipart.tooManyParts", locale: locale, ["limit": String(limit)])
        case .fieldTooLarge(let field, let limit), .fileTooLarge(let field, let limit):
            strings.text("multipart.partTooLarge", locale: locale, ["field": field, "limit": String(limit)])
        case .missingBoundary, .invalidBoundary, .malformed, .headersTooLarge, .duplicateField, .invalidText, .invalidContentType:
            strings.text("multipart.malformed", locale: locale)
        }
    }
}
