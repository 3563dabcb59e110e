import SharingWorkload
import Foundation
let args = CommandLine.arguments
if args[1] == "gen" {
    let w = WorkloadGenerator.generate(WorkloadScale.named(args[2])!, seed: 1)
    try! WorkloadWriter.json(w).write(toFile: args[3], atomically: true, encoding: .utf8)
} else {
    let t = Date()
    let w = try WorkloadLoader.load(path: args[2])
    print("loaded", Date().timeIntervalSince(t))
    let r = ReferenceEvaluator(w)
    print("ref built", Date().timeIntervalSince(t))
    var bad = 0
    for c in w.checks where r.allows(user: c.user, record: c.record, action: c.action) != c.expected { bad += 1; if bad < 5 { print(c) } }
    var badl = 0
    for l in w.lists where r.readableCount(user: l.user, object: l.object) != l.expectedCount { badl += 1; if badl < 5 { print(l) } }
    print("checks bad", bad, "of", w.checks.count, "lists bad", badl, "of", w.lists.count, Date().timeIntervalSince(t))
}
