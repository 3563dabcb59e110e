import CommunityContent
import CommunityModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SearchBenchmark: relevance (MRR@10, nDCG@10, recall@10), query latency and indexing
/// throughput of MemorySearchIndex.
///
///     swift run -c release SearchBenchmark                       # shipped trilingual set
///     swift run -c release SearchBenchmark --docs 100000 --json  # generated corpus
///     swift run -c release SearchBenchmark --corpus c.json --queries q.json

struct Options {
    var corpus: String?
    var queries: String?
    var docs: Int?
    var json = false
    var seed: UInt64 = 42
    var generatedQueries = 500
    var rounds = 3
    var typos = true
    var restricted = true
}

func parseArguments() throws -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst()
    func value(_ name: String) throws -> String {
        guard let v = args.popFirst() else { throw BenchmarkInputError(description: "\(name) needs a value") }
        return v
    }
    while let arg = args.popFirst() {
        switch arg {
        case "--corpus": o.corpus = try value(arg)
        case "--queries": o.queries = try value(arg)
        case "--docs":
            guard let n = Int(try value(arg)), n > 0 else { throw BenchmarkInputError(description: "--docs needs a positive number") }
            o.docs = n
        case "--json": o.json = true
        case "--seed":
            guard let n = UInt64(try value(arg)) else { throw BenchmarkInputError(description: "--seed needs a number") }
            o.seed = n
        case "--rounds":
            guard let n = Int(try value(arg)), n > 0 else { throw BenchmarkInputError(description: "--rounds needs a positive number") }
            o.rounds = n
        case "--no-typos": o.typos = false
        case "--unrestricted": o.restricted = false
        case "--help", "-h":
            print("usage: SearchBenchmark [--corpus FILE.json] [--queries FILE.json] [--docs N] [--json] [--seed N] [--rounds N] [--no-typos] [--unrestricted]")
            exit(0)
        default: throw BenchmarkInputError(description: "unknown argument \(arg)")
        }
    }
    return o
}

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

func run() throws {
    let options = try parseArguments()
    var generator = CorpusGenerator(seed: options.seed)
    let corpus: [CorpusEntry]
    var queries: [JudgedQuery]
    var source: String
    if let docs = options.docs {
        corpus = generator.corpus(count: docs, vocabulary: 20_000)
        source = "generated \(docs) documents (seed \(options.seed))"
        queries = generator.queries(for: corpus, count: options.generatedQueries)
    } else {
        let corpusPath = options.corpus ?? BenchmarkData.bundledPath("corpus")
        corpus = try BenchmarkData.load([CorpusEntry].self, from: corpusPath)
        source = corpusPath
        queries = []
    }
    if let path = options.queries {
        queries = try BenchmarkData.load([JudgedQuery].self, from: path)
    } else if options.docs == nil {
        queries = try BenchmarkData.load([JudgedQuery].self, from: BenchmarkData.bundledPath("queries"))
    }
    guard !queries.isEmpty else { throw BenchmarkInputError(description: "no queries") }

    // Generated documents get a visibility descriptor: a third are restricted to a
    // category key; the viewer holds half of those keys. Judged documents stay visible.
    let epoch = Date(timeIntervalSince1970: 1_767_225_600)
    let relevantIDs = Set(queries.flatMap(\.relevant))
    var documents: [SearchDocument] = []
    documents.reserveCapacity(corpus.count)
    for (i, entry) in corpus.enumerated() {
        var visibility = SearchVisibility.everyone
        if options.docs != nil, i % 3 == 1 {
            let category = entry.categories?.first ?? "c0"
            let key = relevantIDs.contains(entry.id) ? "category:c0" : "category:\(category)"
            visibility = .anyOf([key])
        }
        documents.append(
            SearchDocument(
                type: .article, id: entry.id, locale: entry.locale, title: entry.title, summary: entry.summary ?? "",
                body: entry.body ?? "", categories: entry.categories ?? [], visibility: visibility,
                createdAt: epoch.addingTimeInterval(-Double(i % 365) * 86_400), popularity: Double(i % 50)))
    }
    let viewer: SearchViewer =
        options.restricted
        ? SearchViewer(keys: Set((0..<10).map { "category:c\($0)" }).union(["category:c0"])) : .unrestricted

    // Indexing throughput: batches of 1,000, as a host feeding a change stream would.
    let index = MemorySearchIndex(clock: ManualClock(epoch))
    let indexStart = ContinuousClock.now
    let indexCPUStart = threadCPUMicroseconds()
    for start in stride(from: 0, to: documents.count, by: 1000) {
        try index.upsert(Array(documents[start..<min(documents.count, start + 1000)]))
    }
    let indexSeconds = microseconds(since: indexStart) / 1e6
    let indexCPUSeconds = (threadCPUMicroseconds() - indexCPUStart) / 1e6
    let docsPerSecond = Double(documents.count) / max(indexSeconds, 1e-9)
    let docsPerCPUSecond = Double(documents.count) / max(indexCPUSeconds, 1e-9)

    // Relevance, then latency over several rounds (the first round warms up).
    var reciprocalRanks = 0.0, ndcg = 0.0, recall = 0.0
    var latencies: [Double] = []
    var cpuLatencies: [Double] = []
    for round in 0...options.rounds {
        for judged in queries {
            let query = SearchQuery(
                judged.query, locale: judged.locale, typoTolerance: options.typos, limit: 10, highlight: false)
            let start = ContinuousClock.now
            let cpuStart = threadCPUMicroseconds()
            let results = try index.search(query, as: viewer)
            let cpu = threadCPUMicroseconds() - cpuStart
            let elapsed = microseconds(since: start)
            if round > 0 {
                latencies.append(elapsed)
                cpuLatencies.append(cpu)
            }
            guard round == 0 else { continue }
            let ranked = results.hits.map(\.key.id)
            let relevant = Set(judged.relevant)
            if let first = ranked.firstIndex(where: relevant.contains) { reciprocalRanks += 1 / Double(first + 1) }
            var dcg = 0.0
            for (i, id) in ranked.enumerated() where relevant.contains(id) { dcg += 1 / log2(Double(i + 2)) }
            let ideal = (0..<min(10, relevant.count)).reduce(0.0) { $0 + 1 / log2(Double($1 + 2)) }
            ndcg += ideal > 0 ? dcg / ideal : 0
            recall += Double(ranked.filter(relevant.contains).count) / Double(max(1, relevant.count))
        }
    }
    let n = Double(queries.count)
    latencies.sort()
    cpuLatencies.sort()
    let mrr = reciprocalRanks / n, meanNDCG = ndcg / n, meanRecall = recall / n
    let p50 = percentile(latencies, 0.5), p99 = percentile(latencies, 0.99)

    print("SearchBenchmark — \(source)")
    print("documents: \(documents.count), queries: \(queries.count), typo tolerance: \(options.typos ? "on" : "off"), viewer: \(options.restricted ? "restricted" : "unrestricted"), segments: \(index.segmentCount)")
    print(String(format: "MRR@10 %.4f   nDCG@10 %.4f   recall@10 %.4f", mrr, meanNDCG, meanRecall))
    print(String(format: "query latency p50 %.1f µs   p99 %.1f µs   (%d timed queries)", p50, p99, latencies.count))
    print(String(format: "query CPU time p50 %.1f µs   p99 %.1f µs", percentile(cpuLatencies, 0.5), percentile(cpuLatencies, 0.99)))
    print(String(format: "indexing: %.0f documents/s wall (%.2f s), %.0f documents per CPU second (%.2f s), batches of 1000", docsPerSecond, indexSeconds, docsPerCPUSecond, indexCPUSeconds))
    if options.json {
        let object: [String: Double] = [
            "mrr10": mrr, "ndcg10": meanNDCG, "recall10": meanRecall, "query_p50_us": p50, "query_p99_us": p99,
            "docs_per_sec": docsPerSecond, "docs_per_cpu_sec": docsPerCPUSecond,
            "query_cpu_p50_us": percentile(cpuLatencies, 0.5), "query_cpu_p99_us": percentile(cpuLatencies, 0.99),
        ]
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
