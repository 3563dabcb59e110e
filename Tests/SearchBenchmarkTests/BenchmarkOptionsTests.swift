import SearchBenchmarkKit
import Testing

@Suite struct BenchmarkOptionsTests {
    @Test func corpusWithoutQueriesIsRefused() {
        #expect(throws: BenchmarkInputError.queriesRequiredWithCorpus) {
            try BenchmarkOptions(arguments: ["--corpus", "c.json"])
        }
    }

    @Test func queriesWithoutCorpusIsRefused() {
        #expect(throws: BenchmarkInputError.queriesRequireCorpus) {
            try BenchmarkOptions(arguments: ["--queries", "q.json"])
        }
    }

    @Test func generatedAndFileCorpusExcludeEachOther() {
        #expect(throws: BenchmarkInputError.generatedAndFileCorpus) {
            try BenchmarkOptions(arguments: ["--docs", "10", "--corpus", "c.json", "--queries", "q.json"])
        }
    }

    @Test func languageNeedsAGeneratedCorpusAndAKnownCode() throws {
        #expect(throws: BenchmarkInputError.languageNeedsGeneratedCorpus) {
            try BenchmarkOptions(arguments: ["--language", "en"])
        }
        #expect(throws: BenchmarkInputError.invalidValue(flag: "--language", value: "fr", expected: "one of en, de, ko")) {
            try BenchmarkOptions(arguments: ["--docs", "10", "--language", "fr"])
        }
        let options = try BenchmarkOptions(arguments: [
            "--docs", "10", "--language", "en", "--export-corpus", "c.json", "--export-queries", "q.json", "--batch", "50000",
        ])
        #expect(options.batch == 50000)
        #expect(try BenchmarkOptions(arguments: []).batch == 1000)
        #expect(options.language == "en")
        #expect(options.exportCorpus == "c.json")
        #expect(options.exportQueries == "q.json")
    }

    @Test func badValuesAndUnknownFlagsAreNamed() {
        #expect(throws: BenchmarkInputError.invalidValue(flag: "--docs", value: "-3", expected: "a positive number")) {
            try BenchmarkOptions(arguments: ["--docs", "-3"])
        }
        #expect(throws: BenchmarkInputError.invalidValue(flag: "--seed", value: "x", expected: "a number")) {
            try BenchmarkOptions(arguments: ["--seed", "x"])
        }
        #expect(throws: BenchmarkInputError.missingValue(flag: "--rankings")) {
            try BenchmarkOptions(arguments: ["--rankings"])
        }
        #expect(throws: BenchmarkInputError.unknownArgument("--fast")) {
            try BenchmarkOptions(arguments: ["--fast"])
        }
    }

    @Test func everyFlagIsParsed() throws {
        let options = try BenchmarkOptions(arguments: [
            "--corpus", "c.json", "--queries", "q.json", "--unrestricted", "--viewer-key", "channel:partner",
            "--locale-filter", "--prefix", "--synonyms", "--rankings", "r.jsonl", "--no-typos", "--rounds", "2", "--json",
        ])
        #expect(options.corpus == "c.json")
        #expect(options.queries == "q.json")
        #expect(!options.restricted)
        #expect(options.viewerKeys == ["channel:partner"])
        #expect(options.localeFilter)
        #expect(options.prefix)
        #expect(options.synonyms)
        #expect(options.rankings == "r.jsonl")
        #expect(!options.typos)
        #expect(options.rounds == 2)
        #expect(options.json)
    }
}
