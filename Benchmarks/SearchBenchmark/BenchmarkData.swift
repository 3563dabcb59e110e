import Foundation

enum BenchmarkData {
    /// The shipped multilingual data set: next to the executable (SwiftPM resource bundle),
    /// or in the source tree when run from a checkout.
    static func bundledPath(_ name: String) -> String {
        if let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Data") {
            return url.path
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Data/\(name).json").path
    }
}
