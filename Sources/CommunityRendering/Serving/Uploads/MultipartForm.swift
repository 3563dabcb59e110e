/// A parsed `multipart/form-data` body: its text fields and its files, each by field name.
public struct MultipartForm: Sendable, Hashable {
    /// Text fields.
    public var fields: [String: String]
    /// Files (a file input left empty is not included).
    public var files: [String: UploadedFile]

    /// A form.
    public init(fields: [String: String] = [:], files: [String: UploadedFile] = [:]) {
        self.fields = fields
        self.files = files
    }
}
