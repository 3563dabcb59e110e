#!/usr/bin/env bash
# Indexing throughput and clean two-word query latency of CommunityKit's MemorySearchIndex
# against tantivy (the Python registry's bindings), on the same generated documents.
#
#   Benchmarks/SearchBenchmark/compare-tantivy.sh [DOCS]        # default 50000 English documents
#
# 1. builds SearchBenchmark (release) and runs it on DOCS generated English documents, unrestricted
#    viewer, typo tolerance on, written in batches of 1,000 (one upsert each; merges run in the
#    background, and the time includes waiting for the last of them, as tantivy's includes
#    `wait_merging_threads`); it exports the corpus
#    and its judged queries as JSON; a second run writes the whole corpus in one upsert (bulk);
# 2. installs tantivy with pip into a venv under the temp dir if it is not there yet;
# 3. indexes the same documents with tantivy (title, summary and body with the en_stem tokenizer,
#    one writer): committed once (bulk), and again committing every 1,000 documents; runs the same
#    clean two-word queries on both of its indexes (parse_query over the three fields, top 10),
#    warm-up round first, then the same number of timed rounds;
# 4. prints documents/s and the clean two-word p50/p99 of both engines, each on its index written by
#    1,000 and on its index written in one go (like for like), and the load average.
#
# Environment: TANTIVY_VENV (default $TMPDIR/communitykit-tantivy-venv), ROUNDS (default 3),
# SKIP_BUILD=1 to use the release binary as built, SEARCH_BENCHMARK_BIN=PATH to use another binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCS="${1:-50000}"
ROUNDS="${ROUNDS:-3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/compare-tantivy.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
VENV="${TANTIVY_VENV:-${TMPDIR:-/tmp}/communitykit-tantivy-venv}"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    nice -n 15 swift build -c release --product SearchBenchmark >&2
fi
BIN="${SEARCH_BENCHMARK_BIN:-$(swift build -c release --show-bin-path)/SearchBenchmark}"

echo "== CommunityKit MemorySearchIndex"
"$BIN" --docs "$DOCS" --language en --unrestricted --rounds "$ROUNDS" --json \
    --export-corpus "$WORK/corpus.json" --export-queries "$WORK/queries.json" | tee "$WORK/ours.txt"
echo "== CommunityKit MemorySearchIndex, one bulk upsert"
"$BIN" --docs "$DOCS" --language en --unrestricted --rounds 1 --json --batch "$DOCS" | tee "$WORK/ours-bulk.txt"

if ! "$VENV/bin/python" -c 'import tantivy' 2>/dev/null; then
    echo "== installing tantivy into $VENV" >&2
    python3 -m venv "$VENV"
    if ! "$VENV/bin/pip" install -q tantivy >&2; then
        echo "pip could not install tantivy (is the Python registry reachable?): only our figures above" >&2
        exit 2
    fi
fi

echo "== tantivy $("$VENV/bin/pip" show tantivy 2>/dev/null | sed -n 's/^Version: //p')"
"$VENV/bin/python" - "$WORK/corpus.json" "$WORK/queries.json" "$ROUNDS" "$WORK/ours.txt" "$WORK/ours-bulk.txt" <<'PY'
import json, sys, tempfile, time

import tantivy

corpus_path, queries_path, rounds, ours_path, ours_bulk_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
corpus = json.load(open(corpus_path))
queries = [q for q in json.load(open(queries_path)) if q.get("category") == "clean-2-words"]

builder = tantivy.SchemaBuilder()
builder.add_text_field("id", stored=True, tokenizer_name="raw")
for field in ("title", "summary", "body"):
    builder.add_text_field(field, tokenizer_name="en_stem")
schema = builder.build()

def build(directory, commit_every):
    """Indexes the corpus, committing every `commit_every` documents (and at the end); seconds taken."""
    index = tantivy.Index(schema, path=directory)
    start = time.perf_counter()
    writer = index.writer()
    for n, entry in enumerate(corpus, 1):
        writer.add_document(tantivy.Document(
            id=entry["id"], title=entry["title"], summary=entry.get("summary") or "", body=entry.get("body") or ""))
        if commit_every and n % commit_every == 0:
            writer.commit()
    writer.commit()
    writer.wait_merging_threads()
    return index, time.perf_counter() - start

fields = ["title", "summary", "body"]

def measure(index):
    """Clean two-word query latencies (µs, sorted) after a warm-up round, and MRR@10 from that round."""
    index.reload()
    searcher = index.searcher()
    latencies, reciprocal = [], []
    for round_ in range(rounds + 1):
        for judged in queries:
            t0 = time.perf_counter()
            query = index.parse_query(judged["query"], fields)
            hits = searcher.search(query, 10).hits
            elapsed = (time.perf_counter() - t0) * 1e6
            if round_ > 0:
                latencies.append(elapsed)
                continue
            relevant = {k for k, v in judged["relevant"].items() if v > 0} if isinstance(judged["relevant"], dict) else set(judged["relevant"])
            rank = 0
            for position, (_, address) in enumerate(hits, 1):
                if searcher.doc(address)["id"][0] in relevant:
                    rank = position
                    break
            reciprocal.append(1 / rank if rank else 0)
    latencies.sort()
    return latencies, sum(reciprocal) / max(1, len(reciprocal))

with tempfile.TemporaryDirectory() as batched_directory:
    batched_index, batched_seconds = build(batched_directory, 1000)
    batched_latencies, _ = measure(batched_index)

with tempfile.TemporaryDirectory() as directory:
    index, seconds = build(directory, 0)
    latencies, mrr = measure(index)

def pct(values, p):
    return values[min(len(values) - 1, max(0, round(p * (len(values) - 1))))]

ours = json.loads(open(ours_path).read().strip().splitlines()[-1])
ours_bulk = json.loads(open(ours_bulk_path).read().strip().splitlines()[-1])
print(f"tantivy: indexed {len(corpus)} documents in {seconds:.2f} s, {len(corpus) / seconds:.0f} documents/s (one commit)")
print(f"tantivy: indexed {len(corpus)} documents in {batched_seconds:.2f} s, {len(corpus) / batched_seconds:.0f} documents/s (a commit every 1,000)")
print(f"tantivy: {len(queries)} clean two-word queries, MRR@10 {mrr:.4f}, "
      f"p50 {pct(latencies, 0.5):.1f} µs, p99 {pct(latencies, 0.99):.1f} µs ({len(latencies)} timed, one-commit index); "
      f"on the index committed every 1,000: p50 {pct(batched_latencies, 0.5):.1f} µs, p99 {pct(batched_latencies, 0.99):.1f} µs")
print()
print(f"{'engine':<12} {'docs/s bulk':>12} {'docs/s by 1,000':>16} {'clean 2-word p50 µs':>20} {'p99 µs':>10} {'p50 one-commit index':>21}")
print(f"{'CommunityKit':<12} {ours_bulk['docs_per_sec']:>12.0f} {ours['docs_per_sec']:>16.0f} "
      f"{ours['query_p50_us_clean-2-words']:>20.1f} {ours['query_p99_us_clean-2-words']:>10.1f} "
      f"{ours_bulk['query_p50_us_clean-2-words']:>21.1f}")
print(f"{'tantivy':<12} {len(corpus) / seconds:>12.0f} {len(corpus) / batched_seconds:>16.0f} "
      f"{pct(batched_latencies, 0.5):>20.1f} {pct(batched_latencies, 0.99):>10.1f} {pct(latencies, 0.5):>21.1f}")
print("(clean 2-word p50/p99: each engine on its index written by 1,000 (tantivy: after its merge threads finished);"
      " last column: each on its index written in one go)")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
