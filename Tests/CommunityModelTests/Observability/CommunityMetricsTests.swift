import CommunityModel
import Testing

@Suite struct CommunityMetricsTests {
    @Test func requestsAreCountedBySiteAndStatusInFixedBuckets() throws {
        let metrics = CommunityMetrics()
        metrics.recordRequest(site: "partners", status: 200, duration: .milliseconds(3))
        metrics.recordRequest(site: "partners", status: 200, duration: .milliseconds(5))  // the bound is inclusive
        metrics.recordRequest(site: "partners", status: 422, duration: .milliseconds(70))
        metrics.recordRequest(site: "help", status: 404, duration: .seconds(30))
        metrics.recordRequest(site: "", status: 404, duration: .zero)
        let snapshot = metrics.snapshot()
        #expect(snapshot.requests.map(\.site) == ["", "help", "partners"])
        let partners = try #require(snapshot.requests(site: "partners"))
        #expect(partners.statuses == [200: 2, 422: 1] && partners.total == 3)
        #expect(partners.latency.counts == [2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(partners.latency.cumulativeCounts == [2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3])
        #expect(partners.latency.sum == .milliseconds(78))
        #expect(snapshot.requests(site: "help")?.latency.counts.last == 1, "beyond the last bound")
        #expect(snapshot.requests(status: 404) == 2 && snapshot.totalRequests == 5)
    }

    @Test func bucketsAreSortedPositiveAndUnique() {
        let metrics = CommunityMetrics(latencyBuckets: [.seconds(1), .zero, .milliseconds(100), .seconds(1), .seconds(-1)])
        #expect(metrics.latencyBuckets == [.milliseconds(100), .seconds(1)])
        metrics.recordRequest(site: "s", status: 200, duration: .seconds(-5))
        #expect(metrics.snapshot().requests(site: "s")?.latency.counts == [1, 0, 0])
        #expect(metrics.snapshot().requests(site: "s")?.latency.sum == .zero, "negative durations count as zero")
    }

    @Test func storeErrorsAreCountedByKindAndConflictsApart() {
        let metrics = CommunityMetrics()
        metrics.recordStoreError(.conflict(entity: "Lead", id: "l1", expected: .absent, actual: 1))
        metrics.recordStoreError(.conflict(entity: "Lead", id: "l1", expected: .exactly(1), actual: 2))
        metrics.recordStoreError(.backend("disk full"))
        metrics.recordStoreError(.corrupt(entity: "Lead", id: "l1", detail: "bad"))
        metrics.recordStoreError(.feedTruncated(requested: 1, oldest: 5))
        metrics.recordStoreError(.unindexedField(entity: "Lead", field: "x"))
        metrics.recordStoreError(.locked(path: "/var/db/community.sqlite"))
        metrics.recordStoreValidationFailure()
        let snapshot = metrics.snapshot()
        #expect(snapshot.storeConflicts == 2)
        #expect(snapshot.storeErrors == ["backend": 1, "corrupt": 1, "feedTruncated": 1, "unindexedField": 1, "locked": 1, "other": 0])
        #expect(snapshot.totalStoreErrors == 5 && snapshot.storeValidationFailures == 1)
    }

    @Test func feedLagIsHeadMinusPositionAndNeverNegative() {
        let metrics = CommunityMetrics()
        metrics.trackFeedLag(of: "indexer", head: { 10 }, position: { 7 })
        metrics.trackFeedLag(of: "ahead", head: { 3 }, position: { 5 })
        metrics.trackFeedLag(of: "custom") { 42 }
        #expect(metrics.snapshot().feedLag == ["indexer": 3, "ahead": 0, "custom": 42])
        metrics.trackFeedLag(of: "custom") { 1 }
        #expect(metrics.snapshot().feedLag["custom"] == 1, "a later registration replaces the earlier one")
    }

    @Test func prometheusTextExposesEveryCounter() {
        let metrics = CommunityMetrics(latencyBuckets: [.milliseconds(10), .milliseconds(250)])
        metrics.recordRequest(site: "partners", status: 200, duration: .milliseconds(5))
        metrics.recordRequest(site: "partners", status: 500, duration: .milliseconds(300))
        metrics.recordStoreError(.conflict(entity: "Lead", id: "l1", expected: .absent, actual: 1))
        metrics.recordStoreError(.backend("disk full"))
        metrics.trackFeedLag(of: "access") { 2 }
        let text = metrics.prometheusText()
        let expected = [
            "# TYPE community_requests_total counter",
            #"community_requests_total{site="partners",status="200"} 1"#,
            #"community_requests_total{site="partners",status="500"} 1"#,
            "# TYPE community_request_duration_seconds histogram",
            #"community_request_duration_seconds_bucket{site="partners",le="0.01"} 1"#,
            #"community_request_duration_seconds_bucket{site="partners",le="0.25"} 1"#,
            #"community_request_duration_seconds_bucket{site="partners",le="+Inf"} 2"#,
            #"community_request_duration_seconds_sum{site="partners"} 0.305"#,
            #"community_request_duration_seconds_count{site="partners"} 2"#,
            "community_store_conflicts_total 1",
            #"community_store_errors_total{kind="backend"} 1"#,
            "community_store_validation_failures_total 0",
            "# TYPE community_feed_lag gauge",
            #"community_feed_lag{follower="access"} 2"#,
        ]
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in expected { #expect(lines.contains(line), "\(line)") }
        #expect(text.hasSuffix("\n"))
    }

    @Test func prometheusLabelsAreEscaped() {
        let metrics = CommunityMetrics()
        metrics.recordRequest(site: "a\"b\\c\nd", status: 200, duration: .zero)
        #expect(metrics.prometheusText().contains(#"community_requests_total{site="a\"b\\c\nd",status="200"} 1"#))
    }
}
