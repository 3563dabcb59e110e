extension MetricsSnapshot {
    /// The counters in the Prometheus text exposition format (version 0.0.4), for a host to
    /// serve with `Content-Type: text/plain; version=0.0.4`:
    ///
    /// - `community_requests_total{site,status}` (counter)
    /// - `community_request_duration_seconds{site}` (histogram: `_bucket{le}`, `_sum`, `_count`)
    /// - `community_store_conflicts_total` (counter)
    /// - `community_store_errors_total{kind}` (counter, conflicts excluded)
    /// - `community_store_validation_failures_total` (counter)
    /// - `community_feed_lag{follower}` (gauge, changes not yet applied)
    public func prometheusText() -> String {
        var out = ""
        header(&out, "community_requests_total", "counter", "Requests answered, by site and HTTP status.")
        for site in requests {
            for status in site.statuses.keys.sorted() {
                sample(&out, "community_requests_total", [("site", site.site), ("status", String(status))], site.statuses[status] ?? 0)
            }
        }
        header(&out, "community_request_duration_seconds", "histogram", "Time to answer a request, by site.")
        for site in requests {
            let cumulative = site.latency.cumulativeCounts
            for (index, total) in cumulative.enumerated() {
                let bound = index < site.latency.bounds.count ? Self.seconds(site.latency.bounds[index]) : "+Inf"
                sample(&out, "community_request_duration_seconds_bucket", [("site", site.site), ("le", bound)], total)
            }
            sample(&out, "community_request_duration_seconds_sum", [("site", site.site)], Self.seconds(site.latency.sum))
            sample(&out, "community_request_duration_seconds_count", [("site", site.site)], site.latency.count)
        }
        header(&out, "community_store_conflicts_total", "counter", "Writes that lost an optimistic-concurrency race.")
        sample(&out, "community_store_conflicts_total", [], storeConflicts)
        header(&out, "community_store_errors_total", "counter", "Store errors other than conflicts, by kind.")
        for kind in storeErrors.keys.sorted() {
            sample(&out, "community_store_errors_total", [("kind", kind)], storeErrors[kind] ?? 0)
        }
        header(&out, "community_store_validation_failures_total", "counter", "Values the store rejected as invalid.")
        sample(&out, "community_store_validation_failures_total", [], storeValidationFailures)
        header(&out, "community_feed_lag", "gauge", "Store changes a change-feed follower has yet to apply.")
        for follower in feedLag.keys.sorted() {
            sample(&out, "community_feed_lag", [("follower", follower)], feedLag[follower] ?? 0)
        }
        return out
    }

    private func header(_ out: inout String, _ name: String, _ type: String, _ help: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private func sample(_ out: inout String, _ name: String, _ labels: [(String, String)], _ value: UInt64) {
        sample(&out, name, labels, String(value))
    }

    private func sample(_ out: inout String, _ name: String, _ labels: [(String, String)], _ value: String) {
        out += name
        if !labels.isEmpty {
            out += "{"
            out += labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",")
            out += "}"
        }
        out += " \(value)\n"
    }

    /// A label value with `\`, `"` and line feeds escaped, as the format requires.
    static func escapeLabel(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// A duration in seconds, as a decimal number.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
