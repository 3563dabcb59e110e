import Foundation

/// One corpus entry of the benchmark's JSON format.
struct CorpusEntry: Codable {
    var id: String
    var locale: String
    var title: String
    var summary: String?
    var body: String?
    var categories: [String]?
}

/// One judged query of the benchmark's JSON format.
struct JudgedQuery: Codable {
    var query: String
    var locale: String?
    var relevant: [String]
}

/// What the benchmark could not do with its input.
struct BenchmarkInputError: Error, CustomStringConvertible {
    var description: String
}

enum BenchmarkData {
    static func load<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BenchmarkInputError(description: "cannot read \(path): \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw BenchmarkInputError(description: "\(path) is not valid benchmark JSON: \(error)")
        }
    }

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
