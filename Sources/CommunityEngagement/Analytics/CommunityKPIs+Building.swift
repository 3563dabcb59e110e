extension CommunityKPIs {
    /// The KPIs of `scope` over `days` (UTC day numbers), read from `aggregates`.
    public init(aggregates a: KPIAggregates, scope: KPIScope, days: ClosedRange<Int32>, context: KPIContext = KPIContext()) {
        self.scope = scope
        self.days = days
        let r = Reader(a: a, scope: scope, days: days, context: context)
        sections = [r.adoption(), r.engagement(), r.knowledge(), r.search(), r.service(), r.partner(), r.moderation()]
    }

    /// Reads one section at a time.
    private struct Reader {
        let a: KPIAggregates
        let scope: KPIScope
        let days: ClosedRange<Int32>
        let context: KPIContext

        func total(_ metric: KPIMetric) -> Int64 { a.total(metric, scope: scope, days: days) }
        func count(_ id: String, _ metric: KPIMetric) -> KPIFigure { KPIFigure(id, Double(total(metric))) }
        func share(_ id: String, _ part: Int64, of whole: Int64) -> KPIFigure {
            KPIFigure(id, whole > 0 ? Double(part) / Double(whole) : nil, .percent)
        }
        func median(_ id: String, _ metric: KPIMetric, _ format: KPIFigure.Format = .seconds) -> KPIFigure {
            KPIFigure(id, a.median(metric, scope: scope, days: days).map(Double.init), format)
        }

        /// Periods of equal length (at most 24) covering the days.
        var periods: [ClosedRange<Int32>] {
            let length = Int64(days.upperBound) - Int64(days.lowerBound) + 1
            let step = Int32(max(1, (length + 23) / 24))
            var out: [ClosedRange<Int32>] = []
            var start = days.lowerBound
            while start <= days.upperBound {
                let end = start > days.upperBound - (step - 1) ? days.upperBound : start + step - 1
                out.append(start...end)
                if end == days.upperBound { break }
                start = end + 1
            }
            return out
        }

        func series(_ id: String, _ metrics: [(String, KPIMetric)]) -> KPISeries {
            let periods = self.periods
            var values: [[Double]] = []
            for (_, metric) in metrics {
                let daily = a.daily(metric, scope: scope, days: days)
                values.append(periods.map { p in Double(p.reduce(Int64(0)) { $0 &+ (daily[$1] ?? 0) }) })
            }
            return KPISeries(id: id, periods: periods.map(\.lowerBound), lineIDs: metrics.map(\.0), lineValues: values)
        }

        func top(_ id: String, _ values: [String: Int64], kind: KPIContext.NameKind? = nil, format: KPIFigure.Format = .count) -> KPITopList {
            let ranked = values.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let entries = ranked.prefix(context.topCount).map { entry in
                KPITopList.Entry(key: entry.key, label: kind.flatMap { context.name($0, entry.key) } ?? entry.key, value: Double(entry.value))
            }
            return KPITopList(id: id, format: format, entries: Array(entries))
        }

        func top(_ id: String, _ metric: KPIMetric, kind: KPIContext.NameKind? = nil) -> KPITopList {
            top(id, a.breakdown(metric, scope: scope, days: days), kind: kind)
        }

        func active(_ range: ClosedRange<Int32>) -> Double {
            Double(a.distinctKeys(.activeMember, scope: scope, days: range).count)
        }

        func adoption() -> KPISection {
            let members = context.membersByKind ?? a.breakdown(.members, scope: scope, days: days)
            let end = days.upperBound
            let week = max(days.lowerBound, end - 6)...end
            let month = max(days.lowerBound, end - 29)...end
            var figures = [KPIFigure("adoption.members", Double(members.values.reduce(0, &+)))]
            for kind in ["internal", "partner", "customer"] { figures.append(KPIFigure("adoption.members.\(kind)", Double(members[kind] ?? 0))) }
            figures += [
                count("adoption.newMembers", .newMembers), count("adoption.logins", .logins),
                KPIFigure("adoption.dailyActive", active(end...end)), KPIFigure("adoption.weeklyActive", active(week)),
                KPIFigure("adoption.monthlyActive", active(month)),
            ]
            let periods = self.periods
            let activeSeries = KPISeries(
                id: "adoption.activity", periods: periods.map(\.lowerBound), lineIDs: ["adoption.active", "adoption.logins"],
                lineValues: [periods.map(active), series("", [("", .logins)]).lineValues.first ?? []])
            return KPISection(group: .adoption, figures: figures, series: [activeSeries], topLists: [])
        }

        func engagement() -> KPISection {
            let questions = total(.questions)
            let figures = [
                count("engagement.posts", .posts), count("engagement.comments", .comments), count("engagement.likes", .likes),
                KPIFigure("engagement.questions", Double(questions)), count("engagement.answers", .answers),
                share("engagement.answeredShare", total(.questionsAnswered), of: questions),
                median("engagement.medianFirstAnswer", .firstAnswerSeconds), count("engagement.bestAnswers", .bestAnswers),
                count("engagement.ideas", .ideas), count("engagement.ideaVotes", .ideaVotes),
            ]
            let daily = series("engagement.daily", [
                ("engagement.posts", .posts), ("engagement.comments", .comments), ("engagement.questions", .questions), ("engagement.ideas", .ideas),
            ])
            return KPISection(group: .engagement, figures: figures, series: [daily], topLists: [
                top("engagement.activeMembers", .memberActivity, kind: .member), top("engagement.popularMembers", .memberPopularity, kind: .member),
                top("engagement.activeGroups", .groupActivity, kind: .group), top("engagement.popularGroups", .groupPopularity, kind: .group),
                top("engagement.activeTopics", .topicActivity), top("engagement.popularTopics", .topicPopularity),
            ])
        }

        func knowledge() -> KPISection {
            let ratings = total(.ratings)
            let helpful = total(.helpfulVotes)
            let figures = [
                count("knowledge.views", .articleViews), KPIFigure("knowledge.helpfulVotes", Double(helpful)),
                count("knowledge.unhelpfulVotes", .unhelpfulVotes), share("knowledge.helpfulShare", helpful, of: helpful + total(.unhelpfulVotes)),
                KPIFigure("knowledge.ratings", Double(ratings)),
                KPIFigure("knowledge.averageRating", ratings > 0 ? Double(total(.ratingStars)) / Double(ratings) : nil, .score),
            ]
            return KPISection(group: .knowledge, figures: figures, series: [series("knowledge.daily", [("knowledge.views", .articleViews)])],
                              topLists: [top("knowledge.topArticles", .articleViews, kind: .article)])
        }

        func search() -> KPISection {
            let searches = total(.searches)
            let figures = [
                KPIFigure("search.searches", Double(searches)), count("search.zeroResults", .zeroResultSearches),
                share("search.zeroResultShare", total(.zeroResultSearches), of: searches),
                share("search.clickThrough", total(.searchClicks), of: searches), median("search.medianClickPosition", .clickPosition, .score),
            ]
            return KPISection(group: .search, figures: figures,
                              series: [series("search.daily", [("search.searches", .searches), ("search.zeroResults", .zeroResultSearches)])],
                              topLists: [top("search.topQueries", .searchQuery), top("search.topZeroResultQueries", .zeroResultQuery)])
        }

        func service() -> KPISection {
            let deflected = total(.deflected)
            let responded = total(.responded)
            let surveys = total(.surveys)
            let nps: Double? = surveys > 0 ? (Double(total(.promoters)) - Double(total(.detractors))) * 100 / Double(surveys) : nil
            let figures = [
                count("service.casesCreated", .casesCreated), share("service.deflectionRate", deflected, of: deflected + total(.deflectionCases)),
                median("service.medianFirstResponse", .firstResponseSeconds), median("service.medianResolution", .resolutionSeconds),
                share("service.slaAttainment", total(.respondedWithinTarget), of: responded),
                KPIFigure("service.csat", surveys > 0 ? Double(total(.csatSum)) / Double(surveys) : nil, .score),
                KPIFigure("service.nps", nps, .score), KPIFigure("service.surveys", Double(surveys)),
            ]
            return KPISection(group: .service, figures: figures, series: [series("service.daily", [("service.casesCreated", .casesCreated)])], topLists: [])
        }

        func partner() -> KPISection {
            let won = total(.opportunitiesWon)
            let byPartnerAmount = a.breakdown(.pipelineAmountByPartner, scope: scope, days: days)
            var byTier: [String: Int64] = [:]
            for (account, cents) in byPartnerAmount { byTier[context.tier(account) ?? "none", default: 0] &+= cents }
            let figures = [
                count("partner.leadsRegistered", .leadsRegistered), count("partner.leadsApproved", .leadsApproved),
                count("partner.leadsConverted", .leadsConverted), count("partner.conversions", .conversions),
                count("partner.openOpportunities", .pipelineByStage),
                KPIFigure("partner.pipelineAmount", Double(total(.pipelineAmountByStage)), .cents),
                share("partner.winRate", won, of: won + total(.opportunitiesLost)),
                count("partner.fundRequests", .fundRequests),
                KPIFigure("partner.fundRequested", Double(total(.fundRequestedAmount)), .cents),
                KPIFigure("partner.fundApproved", Double(total(.fundApprovedAmount)), .cents),
                KPIFigure("partner.fundClaimed", Double(total(.fundClaimedAmount)), .cents),
            ]
            return KPISection(group: .partner, figures: figures, series: [], topLists: [
                top("partner.pipelineByStage", a.breakdown(.pipelineAmountByStage, scope: scope, days: days), format: .cents),
                top("partner.pipelineByTier", byTier, format: .cents),
                top("partner.pipelineByPartner", byPartnerAmount, kind: .account, format: .cents),
            ])
        }

        func moderation() -> KPISection {
            let figures = [
                count("moderation.flagged", .flagged), count("moderation.held", .held), count("moderation.removed", .removed),
                count("moderation.decisions", .decisions), median("moderation.medianDecision", .decisionSeconds),
            ]
            return KPISection(group: .moderation, figures: figures,
                              series: [series("moderation.daily", [("moderation.flagged", .flagged), ("moderation.held", .held)])], topLists: [])
        }
    }
}
