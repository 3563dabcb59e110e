import CommunityContent
import Foundation
import Testing

@Suite struct ClickBoostModelTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func clicks(_ members: [String], item: String = "article:a", query: String = "refund", daysAgo: Double = 0) -> [SearchClick] {
        members.map { SearchClick(query: query, item: item, member: $0, at: now.addingTimeInterval(-daysAgo * 86_400)) }
    }

    @Test func belowTheMemberThresholdNothingIsLearned() {
        let model = ClickBoostModel(clicks: clicks(["m1", "m2"]), now: now)
        #expect(model.factors(for: "refund").isEmpty)
        #expect(model.count == 0)
    }

    @Test func atTheThresholdTheClickedItemIsBoostedWithinTheBound() {
        let model = ClickBoostModel(clicks: clicks(["m1", "m2", "m3"]), now: now)
        let factor = model.factors(for: "refund")["article:a"] ?? 1
        #expect(factor > 1 && factor < 1 + ClickLearningOptions().maxBoost)
        #expect(model.factors(for: "other query").isEmpty)
        #expect(model.top(5).first?.members == 3)
    }

    @Test func oneMemberClickingFiftyTimesCountsOnce() {
        let spam = (0..<50).map { i in SearchClick(query: "refund", item: "article:a", member: "m1", at: now.addingTimeInterval(-Double(i))) }
        #expect(ClickBoostModel(clicks: spam + clicks(["m2"]), now: now).factors(for: "refund").isEmpty)
        let three = ClickBoostModel(clicks: spam + clicks(["m2", "m3"]), now: now)
        let plain = ClickBoostModel(clicks: clicks(["m1", "m2", "m3"]), now: now)
        #expect(three.factors(for: "refund") == plain.factors(for: "refund"))
    }

    @Test func olderClicksWeighLess() {
        let fresh = ClickBoostModel(clicks: clicks(["m1", "m2", "m3"]), now: now).factors(for: "refund")["article:a"] ?? 1
        let old = ClickBoostModel(clicks: clicks(["m1", "m2", "m3"], daysAgo: 28), now: now).factors(for: "refund")["article:a"] ?? 1
        #expect(old < fresh)
        #expect(old > 1)
        var options = ClickLearningOptions()
        options.halfLifeDays = 1
        let fast = ClickBoostModel(clicks: clicks(["m1", "m2", "m3"], daysAgo: 28), options: options, now: now)
        #expect((fast.factors(for: "refund")["article:a"] ?? 1) < old)
    }

    @Test func theThresholdIsConfigurable() {
        var options = ClickLearningOptions()
        options.minimumMembers = 5
        #expect(ClickBoostModel(clicks: clicks(["m1", "m2", "m3", "m4"]), options: options, now: now).count == 0)
        #expect(ClickBoostModel(clicks: clicks(["m1", "m2", "m3", "m4", "m5"]), options: options, now: now).count == 1)
    }
}
