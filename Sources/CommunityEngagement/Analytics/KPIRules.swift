public import CommunityModel
import CommunityContent

/// What the KPIs derive from each stored entity: the group an entity belongs to, and the
/// facts of a group. Entities whose facts depend on each other share a group (a question and
/// its answers; a case, its tracking and its surveys), so a change to any of them recomputes
/// that group alone.
///
/// Facts are a function of the group's current entities only, which is what lets
/// ``KPIAggregator`` subtract a group's old facts and add its new ones, and lets
/// ``KPIAggregator/reference(from:events:rules:)`` rebuild the same aggregates from scratch.
public struct KPIRules: Sendable {
    /// A case answered within this many seconds of its creation meets the service level.
    public var firstResponseTarget: Int64
    /// The opportunity stages that tell open, won and lost apart.
    public var stages: OpportunityStages

    /// Rules with a first-response target (8 hours by default) and stages.
    public init(firstResponseTarget: Int64 = 8 * 3600, stages: OpportunityStages = .standard) {
        self.firstResponseTarget = firstResponseTarget
        self.stages = stages
    }

    /// What facts these rules derive depends on, as text: a checkpoint written under other
    /// rules (or another version of them) is not used.
    public var fingerprint: String {
        let stageList = stages.stages.map { "\($0.name)|\($0.isClosed)|\($0.isWon)" }.joined(separator: ",")
        return "kpi-rules-4;" + String(firstResponseTarget) + ";" + stageList
    }

    /// The entity types the KPIs read.
    public static let entityTypes: Set<EntityType> = [
        User.entityType, FeedItem.entityType, Comment.entityType, Question.entityType, Answer.entityType,
        Idea.entityType, ArticleViewRecord.entityType, ArticleFeedback.entityType, ArticleRating.entityType,
        SearchQueryLogEntry.entityType, Case.entityType, CaseTracking.entityType, CaseSurvey.entityType,
        DeflectionSession.entityType, Lead.entityType, LeadConversion.entityType, Opportunity.entityType,
        FundRequest.entityType, FundClaim.entityType, ModerationCase.entityType, SignInDay.entityType,
    ]

    /// The types whose facts depend on other entities of their group (a question and its
    /// answers; a case, its tracking and surveys; a post, question or idea with the comments
    /// and moderation cases about it, which count in its site); every other type is a group of one.
    public static let groupedTypes: Set<EntityType> = [
        Question.entityType, Answer.entityType, Case.entityType, CaseTracking.entityType, CaseSurvey.entityType,
        FeedItem.entityType, Idea.entityType, Comment.entityType, ModerationCase.entityType,
    ]

    /// The group of an entity: `Question:<id>` for a question and its answers, `Case:<id>` for a
    /// case with its tracking and surveys, `FeedItem:<id>`, `Question:<id>` or `Idea:<id>` for a
    /// comment or moderation case about that content, the entity's own type and id otherwise.
    public static func group(of entity: any Entity) -> String {
        // Dispatch on the type first: one cast instead of a chain of failing ones.
        switch ObjectIdentifier(type(of: entity)) {
        case ObjectIdentifier(Answer.self):
            if let answer = entity as? Answer { return "Question:" + answer.questionID.rawValue }
        case ObjectIdentifier(CaseTracking.self):
            if let tracking = entity as? CaseTracking { return "Case:" + tracking.caseID.rawValue }
        case ObjectIdentifier(CaseSurvey.self):
            if let survey = entity as? CaseSurvey { return "Case:" + survey.caseID.rawValue }
        case ObjectIdentifier(Comment.self):
            if let comment = entity as? Comment { return subjectGroup(comment.subject) ?? "Comment:" + comment.id.rawValue }
        case ObjectIdentifier(ModerationCase.self):
            if let moderation = entity as? ModerationCase {
                return subjectGroup(moderation.subject) ?? "ModerationCase:" + moderation.id.rawValue
            }
        default: break
        }
        return type(of: entity).entityType.name + ":" + Self.rawID(entity)
    }

    /// The group of content that carries a site; `nil` for content that does not (comments,
    /// answers, members, groups), whose comments and moderation cases stay engine-wide.
    private static func subjectGroup(_ subject: ContentRef) -> String? {
        switch subject {
        case .item(let id): "FeedItem:" + id.rawValue
        case .question(let id): "Question:" + id.rawValue
        case .idea(let id): "Idea:" + id.rawValue
        case .comment, .answer, .member, .group: nil
        }
    }

    private static func rawID(_ entity: any Entity) -> String {
        func id<E: Entity>(_ value: E) -> String { value.id.rawValue }
        return id(entity)
    }

    /// The facts of one group's entities (in any order).
    public func facts(of members: [any Entity]) -> [KPIFact] {
        var out: [KPIFact] = []
        var question: Question?
        var answers: [Answer] = []
        var theCase: Case?
        var trackings: [CaseTracking] = []
        var surveys: [CaseSurvey] = []
        var about: [any Entity] = []
        var site: String?
        for member in members {
            switch ObjectIdentifier(type(of: member)) {
            case ObjectIdentifier(Question.self):
                guard let q = member as? Question else { continue }
                question = q
                site = q.siteID
            case ObjectIdentifier(Answer.self):
                guard let a = member as? Answer else { continue }
                answers.append(a)
            case ObjectIdentifier(Case.self):
                guard let c = member as? Case else { continue }
                theCase = c
            case ObjectIdentifier(CaseTracking.self):
                guard let t = member as? CaseTracking else { continue }
                trackings.append(t)
            case ObjectIdentifier(CaseSurvey.self):
                guard let s = member as? CaseSurvey else { continue }
                surveys.append(s)
            case ObjectIdentifier(Comment.self), ObjectIdentifier(ModerationCase.self): about.append(member)
            case ObjectIdentifier(FeedItem.self):
                guard let item = member as? FeedItem else { continue }
                site = item.siteID
                single(member, into: &out)
            case ObjectIdentifier(Idea.self):
                guard let idea = member as? Idea else { continue }
                site = idea.siteID
                single(member, into: &out)
            default: single(member, into: &out)
            }
        }
        // Comments and moderation cases count in the site of the content they are about.
        for member in about {
            switch member {
            case let comment as Comment: commentFacts(comment, site: site, into: &out)
            case let moderation as ModerationCase: moderationFacts(moderation, site: site, into: &out)
            default: break
            }
        }
        if question != nil || !answers.isEmpty { questionFacts(question, answers, into: &out) }
        if theCase != nil || !trackings.isEmpty || !surveys.isEmpty { caseFacts(theCase, trackings, surveys, into: &out) }
        return out
    }

    private func contribution(_ author: ID<User>, site: String?, day: Int32, into out: inout [KPIFact]) {
        out.append(KPIFact(site: site, day: day, metric: .activeMember, key: author.rawValue))
        out.append(KPIFact(site: site, day: day, metric: .memberActivity, key: author.rawValue))
    }

    private func popularity(_ count: Int, author: ID<User>, group: ID<CommunityGroup>?, topics: [String], site: String?, day: Int32,
                            into out: inout [KPIFact]) {
        guard count > 0 else { return }
        let value = Int64(count)
        out.append(KPIFact(site: site, day: day, metric: .memberPopularity, key: author.rawValue, value: value))
        if let group { out.append(KPIFact(site: site, day: day, metric: .groupPopularity, key: group.rawValue, value: value)) }
        for topic in Set(topics) { out.append(KPIFact(site: site, day: day, metric: .topicPopularity, key: topic, value: value)) }
    }

    private func single(_ entity: any Entity, into out: inout [KPIFact]) {
        switch ObjectIdentifier(type(of: entity)) {
        case ObjectIdentifier(User.self):
            guard let user = entity as? User else { return }
            guard user.kind != .guest else { return }
            // A member with a join date is new on that day in the site they joined through,
            // however late the aggregates learn of them (a restart replaying the feed, a load).
            if let joinedAt = user.joinedAt {
                out.append(KPIFact(site: user.siteID, day: KPIDay.number(of: joinedAt), metric: .newMembers))
            }
            guard user.isActive else { return }
            out.append(KPIFact(site: nil, day: nil, metric: .members, key: user.kind.rawValue))
        case ObjectIdentifier(FeedItem.self):
            guard let item = entity as? FeedItem else { return }
            // Question posts are counted as questions.
            guard item.status == .published, item.kind != .question else { return }
            let day = KPIDay.number(of: item.createdAt)
            out.append(KPIFact(site: item.siteID, day: day, metric: .posts))
            contribution(item.authorID, site: item.siteID, day: day, into: &out)
            if !item.likers.isEmpty { out.append(KPIFact(site: item.siteID, day: day, metric: .likes, value: Int64(item.likers.count))) }
            var group: ID<CommunityGroup>?
            if case .group(let g) = item.parent { group = g }
            if let group { out.append(KPIFact(site: item.siteID, day: day, metric: .groupActivity, key: group.rawValue)) }
            for topic in Set(item.topics) { out.append(KPIFact(site: item.siteID, day: day, metric: .topicActivity, key: topic)) }
            popularity(item.likers.count, author: item.authorID, group: group, topics: item.topics, site: item.siteID, day: day, into: &out)
        case ObjectIdentifier(Comment.self):
            guard let comment = entity as? Comment else { return }
            commentFacts(comment, site: nil, into: &out)
        case ObjectIdentifier(Idea.self):
            guard let idea = entity as? Idea else { return }
            guard idea.publication == .published else { return }
            let day = KPIDay.number(of: idea.createdAt)
            out.append(KPIFact(site: idea.siteID, day: day, metric: .ideas))
            contribution(idea.authorID, site: idea.siteID, day: day, into: &out)
            popularity(idea.votes.count, author: idea.authorID, group: nil, topics: idea.categories, site: idea.siteID, day: day, into: &out)
            for (voter, vote) in idea.votes {
                let voteDay = KPIDay.number(of: vote.at)
                out.append(KPIFact(site: idea.siteID, day: voteDay, metric: .ideaVotes))
                out.append(KPIFact(site: idea.siteID, day: voteDay, metric: .activeMember, key: voter.rawValue))
            }
        case ObjectIdentifier(ArticleViewRecord.self):
            guard let view = entity as? ArticleViewRecord else { return }
            out.append(KPIFact(site: view.siteID, day: KPIDay.number(of: view.periodStart), metric: .articleViews, key: view.articleID.rawValue))
        case ObjectIdentifier(ArticleFeedback.self):
            guard let feedback = entity as? ArticleFeedback else { return }
            out.append(KPIFact(site: feedback.siteID, day: KPIDay.number(of: feedback.at), metric: feedback.helpful ? .helpfulVotes : .unhelpfulVotes))
        case ObjectIdentifier(ArticleRating.self):
            guard let rating = entity as? ArticleRating else { return }
            let day = KPIDay.number(of: rating.at)
            out.append(KPIFact(site: rating.siteID, day: day, metric: .ratings))
            out.append(KPIFact(site: rating.siteID, day: day, metric: .ratingStars, value: Int64(max(0, min(5, rating.stars)))))
        case ObjectIdentifier(SignInDay.self):
            guard let signIns = entity as? SignInDay else { return }
            out += KPIAggregator.signInFacts(signIns.userID, site: signIns.siteID, day: signIns.day, count: signIns.count)
        case ObjectIdentifier(SearchQueryLogEntry.self):
            guard let entry = entity as? SearchQueryLogEntry else { return }
            let day = KPIDay.number(of: entry.at)
            out.append(KPIFact(site: entry.siteID, day: day, metric: .searches))
            out.append(KPIFact(site: entry.siteID, day: day, metric: .searchQuery, key: entry.query))
            if entry.resultCount == 0 {
                out.append(KPIFact(site: entry.siteID, day: day, metric: .zeroResultSearches))
                out.append(KPIFact(site: entry.siteID, day: day, metric: .zeroResultQuery, key: entry.query))
            }
            if let position = entry.clickedPosition {
                out.append(KPIFact(site: entry.siteID, day: day, metric: .searchClicks))
                out.append(KPIFact(site: entry.siteID, day: day, metric: .clickPosition, value: Int64(max(1, min(1000, position)))))
            }
        case ObjectIdentifier(DeflectionSession.self):
            guard let session = entity as? DeflectionSession else { return }
            // As `CaseService.deflectionStatistics`: only visits that were shown suggestions.
            guard !session.suggestions.isEmpty else { return }
            let day = KPIDay.number(of: session.startedAt)
            switch session.outcome {
            case .deflected: out.append(KPIFact(site: session.siteID, day: day, metric: .deflected))
            case .caseCreated: out.append(KPIFact(site: session.siteID, day: day, metric: .deflectionCases))
            case .open, .abandoned: break
            }
        case ObjectIdentifier(Lead.self):
            guard let lead = entity as? Lead else { return }
            guard lead.fields.partnerAccountID != nil else { return }
            let site = lead.fields.siteID
            out.append(KPIFact(site: site, day: nil, metric: .leadsRegistered))
            switch lead.fields.status {
            case .approved, .qualified: out.append(KPIFact(site: site, day: nil, metric: .leadsApproved))
            case .converted:
                out.append(KPIFact(site: site, day: nil, metric: .leadsApproved))
                out.append(KPIFact(site: site, day: nil, metric: .leadsConverted))
            case .new, .working, .submitted, .rejected, .unqualified: break
            }
        case ObjectIdentifier(LeadConversion.self):
            guard let conversion = entity as? LeadConversion else { return }
            out.append(KPIFact(site: conversion.siteID, day: KPIDay.number(of: conversion.convertedAt), metric: .conversions))
        case ObjectIdentifier(Opportunity.self):
            guard let opportunity = entity as? Opportunity else { return }
            let fields = opportunity.fields
            guard let partner = fields.partnerAccountID else { return }
            let site = fields.siteID
            let stage = stages.stage(named: fields.stage)
            if stage?.isClosed == true {
                out.append(KPIFact(site: site, day: nil, metric: stage?.isWon == true ? .opportunitiesWon : .opportunitiesLost))
            } else {
                let cents = fields.amount.map(KPIDay.cents) ?? 0
                out.append(KPIFact(site: site, day: nil, metric: .pipelineByStage, key: fields.stage))
                out.append(KPIFact(site: site, day: nil, metric: .pipelineAmountByStage, key: fields.stage, value: cents))
                out.append(KPIFact(site: site, day: nil, metric: .pipelineByPartner, key: partner.rawValue))
                out.append(KPIFact(site: site, day: nil, metric: .pipelineAmountByPartner, key: partner.rawValue, value: cents))
            }
        case ObjectIdentifier(FundRequest.self):
            guard let request = entity as? FundRequest else { return }
            let day = KPIDay.number(of: request.requestedAt)
            let cents = KPIDay.cents(request.amount)
            let site = request.siteID
            out.append(KPIFact(site: site, day: day, metric: .fundRequests))
            out.append(KPIFact(site: site, day: day, metric: .fundRequestedAmount, value: cents))
            if request.status == .approved { out.append(KPIFact(site: site, day: day, metric: .fundApprovedAmount, value: cents)) }
        case ObjectIdentifier(FundClaim.self):
            guard let claim = entity as? FundClaim else { return }
            guard claim.status == .approved else { return }
            out.append(KPIFact(site: claim.siteID, day: KPIDay.number(of: claim.claimedAt), metric: .fundClaimedAmount, value: KPIDay.cents(claim.amount)))
        case ObjectIdentifier(ModerationCase.self):
            guard let moderation = entity as? ModerationCase else { return }
            moderationFacts(moderation, site: nil, into: &out)
        default:
            break
        }
    }

    private func commentFacts(_ comment: Comment, site: String?, into out: inout [KPIFact]) {
        guard comment.status == .published else { return }
        let day = KPIDay.number(of: comment.createdAt)
        out.append(KPIFact(site: site, day: day, metric: .comments))
        contribution(comment.authorID, site: site, day: day, into: &out)
        if !comment.likers.isEmpty { out.append(KPIFact(site: site, day: day, metric: .likes, value: Int64(comment.likers.count))) }
        popularity(comment.likers.count, author: comment.authorID, group: nil, topics: [], site: site, day: day, into: &out)
    }

    private func moderationFacts(_ moderation: ModerationCase, site: String?, into out: inout [KPIFact]) {
        let opened = KPIDay.number(of: moderation.openedAt)
        let byMembers = moderation.sources.contains { if case .memberFlags = $0 { true } else { false } }
        out.append(KPIFact(site: site, day: opened, metric: byMembers ? .flagged : .held))
        guard moderation.status != .open else { return }
        let decidedAt = moderation.decidedAt ?? moderation.openedAt
        let decided = KPIDay.number(of: decidedAt)
        out.append(KPIFact(site: site, day: decided, metric: .decisions))
        out.append(KPIFact(site: site, day: decided, metric: .decisionSeconds, value: KPIDay.seconds(from: moderation.openedAt, to: decidedAt)))
        if moderation.status == .removed { out.append(KPIFact(site: site, day: decided, metric: .removed)) }
    }

    private func questionFacts(_ question: Question?, _ answers: [Answer], into out: inout [KPIFact]) {
        let published = answers.filter { $0.publication == .published }
        let site = question?.siteID
        for answer in published {
            let day = KPIDay.number(of: answer.createdAt)
            out.append(KPIFact(site: site, day: day, metric: .answers))
            contribution(answer.authorID, site: site, day: day, into: &out)
            popularity(answer.upvoters.count, author: answer.authorID, group: question?.groupID, topics: question?.topics ?? [],
                       site: site, day: day, into: &out)
        }
        guard let question, question.publication == .published else { return }
        let day = KPIDay.number(of: question.createdAt)
        out.append(KPIFact(site: site, day: day, metric: .questions))
        contribution(question.askerID, site: site, day: day, into: &out)
        if let group = question.groupID { out.append(KPIFact(site: site, day: day, metric: .groupActivity, key: group.rawValue)) }
        for topic in Set(question.topics) { out.append(KPIFact(site: site, day: day, metric: .topicActivity, key: topic)) }
        popularity(question.upvoters.count, author: question.askerID, group: question.groupID, topics: question.topics, site: site, day: day, into: &out)
        if question.bestAnswerID != nil { out.append(KPIFact(site: site, day: day, metric: .bestAnswers)) }
        if let first = published.map(\.createdAt).min() {
            out.append(KPIFact(site: site, day: day, metric: .questionsAnswered))
            out.append(KPIFact(site: site, day: day, metric: .firstAnswerSeconds, value: KPIDay.seconds(from: question.createdAt, to: first)))
        }
    }

    private func caseFacts(_ theCase: Case?, _ trackings: [CaseTracking], _ surveys: [CaseSurvey], into out: inout [KPIFact]) {
        // Surveys and tracking count in the case's site.
        let site = theCase?.fields.siteID
        for survey in surveys {
            let day = KPIDay.number(of: survey.answeredAt)
            out.append(KPIFact(site: site, day: day, metric: .surveys))
            out.append(KPIFact(site: site, day: day, metric: .csatSum, value: Int64(max(0, min(5, survey.csat)))))
            if survey.nps >= 9 { out.append(KPIFact(site: site, day: day, metric: .promoters)) }
            if survey.nps <= 6 { out.append(KPIFact(site: site, day: day, metric: .detractors)) }
        }
        guard let theCase else { return }
        let created = theCase.fields.createdAt
        let day = KPIDay.number(of: created)
        out.append(KPIFact(site: site, day: day, metric: .casesCreated))
        // One tracking per case; with several (a repair in progress), the lowest id counts.
        guard let tracking = trackings.min(by: { $0.id.rawValue < $1.id.rawValue }) else { return }
        if let response = tracking.firstResponseAt {
            let seconds = KPIDay.seconds(from: created, to: response)
            out.append(KPIFact(site: site, day: day, metric: .responded))
            out.append(KPIFact(site: site, day: day, metric: .firstResponseSeconds, value: seconds))
            if seconds <= firstResponseTarget { out.append(KPIFact(site: site, day: day, metric: .respondedWithinTarget)) }
        }
        if let closed = tracking.closedAt {
            out.append(KPIFact(site: site, day: day, metric: .resolutionSeconds, value: KPIDay.seconds(from: created, to: closed)))
        }
    }
}
