/// Why `--out` cannot be used, in words a person can act on.
enum ExportError: Error, Equatable, CustomStringConvertible {
    case isAFile(String)
    case notAnExport(String)
    case notWritable(String)

    var description: String {
        switch self {
        case .isAFile(let path):
            "--out \(path) is a file, not a folder; choose a folder for the exported site"
        case .notAnExport(let path):
            "--out \(path) is a folder that is not empty and is not an earlier PartnerPortal export (it has no \(SiteExport.marker) file); "
                + "refusing to delete anything in it. Choose an empty or new folder."
        case .notWritable(let path):
            "--out \(path) cannot be written (no permission, or a parent is not a folder)"
        }
    }
}
