import CommunityContent
import CommunityModel
import Foundation
import SearchBenchmarkKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SearchBenchmark: relevance (MRR@10, nDCG@10 with graded relevance, recall@10), query
/// latency and indexing throughput of MemorySearchIndex. Input parsing and validation, and the
/// metrics, live in SearchBenchmarkKit (tested by SearchBenchmarkTests).
///
///     swift run -c release SearchBenchmark                       # shipped trilingual set
///     swift run -c release SearchBenchmark --docs 100000 --json  # generated corpus
///     swift run -c release SearchBenchmark --corpus c.json --queries q.json --rankings r.jsonl

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p * Double(sorted.count - 1)).rounded())
    return sorted[min(sorted.count - 1, max(0, rank))]
}

func microseconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
}

/// CPU time of the calling thread, in microseconds: unlike wall time it does not grow
/// when other processes compete for the cores.
func threadCPUMicroseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

/// CPU time of the whole process (every thread), in microseconds: indexing spreads a large
/// write's analysis over the cores.
func processCPUMicroseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

/// Writes `value` as JSON to `path` (the corpus and query formats `--corpus` and `--queries` read).
func writeJSON(_ value: some Encodable, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do { try encoder.encode(value).write(to: URL(fileURLWithPath: path)) } catch {
        throw BenchmarkInputError.unreadableFile(path: path, reason: "cannot write: \(error.localizedDescription)")
    }
}

func run() throws {
    let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    if options.help {
        print(BenchmarkOptions.usage)
        return
    }
    let epoch = Date(timeIntervalSince1970: 1_767_225_600)
    var corpus: [CorpusEntry]
    let queries: [JudgedQuery]
    let source: String
    let viewer: SearchViewer
    if let docs = options.docs {
        var generator = CorpusGenerator(seed: options.seed)
        corpus = generator.corpus(count: docs, vocabulary: 20_000, epoch: epoch, only: options.language)
        source = "generated \(docs) \(options.language.map { $0 + " " } ?? "")documents (seed \(options.seed))"
        queries = generator.queries(for: corpus, count: options.generatedQueries)
        // A third of the generated documents are restricted to a category key; the viewer
        // holds half of those keys. Judged documents stay visible.
        let relevantIDs = Set(queries.flatMap(\.relevant.grades.keys))
        for i in corpus.indices where i % 3 == 1 {
            let category = corpus[i].categories?.first ?? "c0"
            corpus[i].visibleTo = [relevantIDs.contains(corpus[i].id) ? "category:c0" : "category:\(category)"]
        }
        viewer = SearchViewer(keys: Set((0..<10).map { "category:c\($0)" }))
    } else {
        let corpusPath = options.corpus ?? BenchmarkData.bundledPath("corpus")
        let queriesPath = options.queries ?? BenchmarkData.bundledPath("queries")
        corpus = try BenchmarkInput.load([CorpusEntry].self, from: corpusPath)
        queries = try BenchmarkInput.load([JudgedQuery].self, from: queriesPath)
        source = corpusPath
        viewer = SearchViewer(keys: Set(options.viewerKeys))
    }
    let input = try BenchmarkInput(corpus: corpus, queries: queries, epoch: epoch)
    if let path = options.exportCorpus { try writeJSON(corpus, to: path) }
    if let path = options.exportQueries { try writeJSON(queries, to: path) }
    let documents = input.documents
    let searchViewer = options.restricted ? viewer : .unrestricted

    // Indexing throughput: batches of 1,000 by default, as a host feeding a change stream would.
    // Merges in the background, as a host feeding a change stream in batches would set it up (and as
    // tantivy's writer merges): they overlap the next batch on a second core.
    let index = MemorySearchIndex(clock: ManualClock(epoch), mergesInBackground: true)
    let batch = options.batch
    let indexStart = ContinuousClock.now
    let indexCPUStart = processCPUMicroseconds()
    for start in stride(from: 0, to: documents.count, by: batch) {
        try index.upsert(Array(documents[start..<min(documents.count, start + batch)]))
    }
    // Merges run in the background while the next batch is prepared: the time includes waiting for
    // the last of them (as tantivy's is taken after `wait_merging_threads`).
    index.waitForMerges()
    let indexSeconds = microseconds(since: indexStart) / 1e6
    let indexCPUSeconds = (processCPUMicroseconds() - indexCPUStart) / 1e6
    let docsPerSecond = Double(documents.count) / max(indexSeconds, 1e-9)
    let docsPerCPUSecond = Double(documents.count) / max(indexCPUSeconds, 1e-9)

    // Relevance, then latency over several rounds (the first round warms up).
    var evaluations: [QueryEvaluation] = []
    var latencies: [Double] = []
    var cpuLatencies: [Double] = []
    var latenciesByCategory: [String: [Double]] = [:]
    let synonyms = options.synonyms ? SynonymSet(SynonymGroup.starterGroups) : .empty
    for round in 0...options.rounds {
        for judged in input.queries {
            var query = SearchQuery(
                judged.query, locale: judged.locale, prefixLastWord: options.prefix, typoTolerance: options.typos,
                locales: options.localeFilter ? judged.locale.map { [$0] } : nil, limit: 10, highlight: false)
            query.synonyms = synonyms
            let start = ContinuousClock.now
            let cpuStart = threadCPUMicroseconds()
            let results = try index.search(query, as: searchViewer)
            let cpu = threadCPUMicroseconds() - cpuStart
            let elapsed = microseconds(since: start)
            if round > 0 {
                latencies.append(elapsed)
                cpuLatencies.append(cpu)
                if let category = judged.category { latenciesByCategory[category, default: []].append(elapsed) }
            }
            guard round == 0 else { continue }
            let ranking = results.hits.map { (id: $0.key.id, locale: $0.locale, score: $0.score) }
            evaluations.append(QueryEvaluation(judged: judged, ranking: ranking))
        }
    }
    if let path = options.rankings {
        let lines = try evaluations.map { try $0.jsonLine() }.joined(separator: "\n") + "\n"
        do { try Data(lines.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw BenchmarkInputError.unreadableFile(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
    let summary = EvaluationSummary(evaluations)
    latencies.sort()
    cpuLatencies.sort()
    let mrr = summary.overall.mrr, meanNDCG = summary.overall.ndcg, meanRecall = summary.overall.recall
    let p50 = percentile(latencies, 0.5), p99 = percentile(latencies, 0.99)

    print("SearchBenchmark — \(source)")
    print("documents: \(documents.count), queries: \(input.queries.count), typo tolerance: \(options.typos ? "on" : "off"), prefix: \(options.prefix ? "on" : "off"), synonyms: \(options.synonyms ? "starter groups" : "off"), locale filter: \(options.localeFilter ? "on" : "off"), viewer: \(options.restricted ? "restricted" : "unrestricted"), segments: \(index.segmentCount)")
    print(String(format: "MRR@10 %.4f   nDCG@10 %.4f   recall@10 %.4f", mrr, meanNDCG, meanRecall))
    for (title, groups) in [("language", summary.byLanguage), ("category", summary.byCategory)] where !groups.isEmpty {
        for (name, scores) in groups.sorted(by: { $0.key < $1.key }) {
            let figures = String(format: "MRR@10 %.4f   nDCG@10 %.4f   recall@10 %.4f", scores.mrr, scores.ndcg, scores.recall)
            print("  \(title) \(name) (\(scores.count) queries): \(figures)")
        }
    }
    print(String(format: "query latency p50 %.1f µs   p99 %.1f µs   (%d timed queries)", p50, p99, latencies.count))
    print(String(format: "query CPU time p50 %.1f µs   p99 %.1f µs", percentile(cpuLatencies, 0.5), percentile(cpuLatencies, 0.99)))
    var categoryLatency: [String: Double] = [:]
    for (category, values) in latenciesByCategory.sorted(by: { $0.key < $1.key }) {
        let sorted = values.sorted()
        categoryLatency["query_p50_us_" + category] = percentile(sorted, 0.5)
        categoryLatency["query_p99_us_" + category] = percentile(sorted, 0.99)
        print("  \(category) queries: " + String(format: "latency p50 %.1f µs   p99 %.1f µs", percentile(sorted, 0.5), percentile(sorted, 0.99)))
    }
    print(String(format: "indexing: %.0f documents/s wall (%.2f s), %.0f documents per CPU second (%.2f s), batches of %d", docsPerSecond, indexSeconds, docsPerCPUSecond, indexCPUSeconds, batch))
    if options.json {
        let object: [String: Double] = [
            "mrr10": mrr, "ndcg10": meanNDCG, "recall10": meanRecall, "query_p50_us": p50, "query_p99_us": p99,
            "docs_per_sec": docsPerSecond, "docs_per_cpu_sec": docsPerCPUSecond,
            "query_cpu_p50_us": percentile(cpuLatencies, 0.5), "query_cpu_p99_us": percentile(cpuLatencies, 0.99),
        ].merging(categoryLatency) { a, _ in a }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(object), as: UTF8.self))
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("SearchBenchmark: \(error)\n".utf8))
    exit(1)
}
