extension UploadError {
    /// The reason in a person's language (``description`` stays English, for logs), from the
    /// `upload.*` keys of `strings`.
    public func message(_ strings: UIStrings, locale: String) -> String {
        switch self {
        case .empty: strings.text("upload.empty", locale: locale)
        case .tooLarge(_, let bytes, let limit): strings.text("upload.tooLarge", locale: locale, ["bytes": String(bytes), "limit": String(limit)])
        case .disallowedType(_, let type, let allowed):
            strings.text("upload.disallowedType", locale: locale, ["type": type, "allowed": allowed.joined(separator: ", ")])
        case .contentMismatch(_, let declared): strings.text("upload.contentMismatch", locale: locale, ["type": declared])
        }
    }
}
