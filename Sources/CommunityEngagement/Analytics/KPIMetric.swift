/// One measure the community KPIs keep a daily aggregate of.
///
/// A metric is either a counter (summed per site, day and key) or, for durations and
/// positions, a sample metric whose values are kept as a multiset so medians can be read.
public enum KPIMetric: String, Hashable, Sendable, Codable, CaseIterable {
    // Adoption
    /// Active members (not guests) by kind; a state metric keyed by the kind.
    case members
    /// Members first seen by the change feed on a day.
    case newMembers
    /// Successful sign-ins.
    case logins
    /// Members active on a day (signed in or contributed), keyed by the member id.
    case activeMember

    // Engagement
    /// Feed posts.
    case posts
    /// Comments.
    case comments
    /// Likes given to posts and comments (on the day of the liked content).
    case likes
    /// Questions asked.
    case questions
    /// Questions asked that have at least one answer.
    case questionsAnswered
    /// Answers.
    case answers
    /// Questions with a best answer.
    case bestAnswers
    /// Seconds from a question to its first answer (sample).
    case firstAnswerSeconds
    /// Ideas submitted.
    case ideas
    /// Idea votes (on the day of the vote).
    case ideaVotes
    /// Contributions by a member, keyed by the member id.
    case memberActivity
    /// Likes, upvotes and votes a member's content received, keyed by the member id.
    case memberPopularity
    /// Posts and questions in a group, keyed by the group id.
    case groupActivity
    /// Likes and upvotes on a group's content, keyed by the group id.
    case groupPopularity
    /// Posts and questions carrying a topic, keyed by the topic name.
    case topicActivity
    /// Likes and upvotes on content carrying a topic, keyed by the topic name.
    case topicPopularity

    // Knowledge
    /// Article views (once per member, article and day), keyed by the article id.
    case articleViews
    /// "Helpful" votes on articles.
    case helpfulVotes
    /// "Not helpful" votes on articles.
    case unhelpfulVotes
    /// Article ratings given.
    case ratings
    /// The sum of the stars of article ratings.
    case ratingStars

    // Search
    /// Site searches.
    case searches
    /// Searches that found nothing.
    case zeroResultSearches
    /// Searches by normalised query text, keyed by the query.
    case searchQuery
    /// Zero-result searches by query text, keyed by the query.
    case zeroResultQuery
    /// Searches whose results were clicked.
    case searchClicks
    /// The 1-based position of the clicked result (sample).
    case clickPosition

    // Service
    /// Cases created.
    case casesCreated
    /// Deflection sessions that ended with the member helped by an article.
    case deflected
    /// Deflection sessions that ended in a case.
    case deflectionCases
    /// Seconds from a case to its first response (sample).
    case firstResponseSeconds
    /// Seconds from a case to its closing (sample).
    case resolutionSeconds
    /// Cases with a first response.
    case responded
    /// Cases with a first response within the service level's target.
    case respondedWithinTarget
    /// Case surveys answered.
    case surveys
    /// The sum of CSAT scores (1 to 5).
    case csatSum
    /// Survey answers of 9 or 10 ("how likely to recommend").
    case promoters
    /// Survey answers of 0 to 6.
    case detractors

    // Partner
    /// Partner-registered leads (state).
    case leadsRegistered
    /// Partner leads approved or beyond (state).
    case leadsApproved
    /// Partner leads converted (state).
    case leadsConverted
    /// Lead conversions, on the day of conversion.
    case conversions
    /// Open partner opportunities by stage, keyed by the stage (state).
    case pipelineByStage
    /// The amount (in cents) of open partner opportunities by stage, keyed by the stage (state).
    case pipelineAmountByStage
    /// Open partner opportunities by partner account, keyed by the account id (state).
    case pipelineByPartner
    /// The amount (in cents) of open partner opportunities by partner account (state).
    case pipelineAmountByPartner
    /// Closed-won partner opportunities (state).
    case opportunitiesWon
    /// Closed-lost partner opportunities (state).
    case opportunitiesLost
    /// Market development fund requests, on the day requested.
    case fundRequests
    /// The amount (in cents) of fund requests.
    case fundRequestedAmount
    /// The amount (in cents) of approved fund requests.
    case fundApprovedAmount
    /// The amount (in cents) of approved fund claims, on the day claimed.
    case fundClaimedAmount

    // Moderation
    /// Content flagged by members.
    case flagged
    /// Content held for review by a rule (keywords, pre-moderation, rate limits).
    case held
    /// Content removed by a moderator (on the day of decision).
    case removed
    /// Moderation decisions (on the day of decision).
    case decisions
    /// Seconds from a moderation case to its decision (sample).
    case decisionSeconds

    /// Whether values are kept as a multiset of samples (for medians) rather than summed.
    public var isSample: Bool {
        switch self {
        case .firstAnswerSeconds, .clickPosition, .firstResponseSeconds, .resolutionSeconds, .decisionSeconds: true
        default: false
        }
    }
}

extension KPIMetric {
    /// Every metric by its ``ordinal``.
    static let byOrdinal: [KPIMetric] = allCases.sorted { $0.ordinal < $1.ordinal }

    /// A small number per metric (its declaration order), for the aggregates' packed cell keys.
    var ordinal: UInt8 {
        switch self {
        case .members: 0
        case .newMembers: 1
        case .logins: 2
        case .activeMember: 3
        case .posts: 4
        case .comments: 5
        case .likes: 6
        case .questions: 7
        case .questionsAnswered: 8
        case .answers: 9
        case .bestAnswers: 10
        case .firstAnswerSeconds: 11
        case .ideas: 12
        case .ideaVotes: 13
        case .memberActivity: 14
        case .memberPopularity: 15
        case .groupActivity: 16
        case .groupPopularity: 17
        case .topicActivity: 18
        case .topicPopularity: 19
        case .articleViews: 20
        case .helpfulVotes: 21
        case .unhelpfulVotes: 22
        case .ratings: 23
        case .ratingStars: 24
        case .searches: 25
        case .zeroResultSearches: 26
        case .searchQuery: 27
        case .zeroResultQuery: 28
        case .searchClicks: 29
        case .clickPosition: 30
        case .casesCreated: 31
        case .deflected: 32
        case .deflectionCases: 33
        case .firstResponseSeconds: 34
        case .resolutionSeconds: 35
        case .responded: 36
        case .respondedWithinTarget: 37
        case .surveys: 38
        case .csatSum: 39
        case .promoters: 40
        case .detractors: 41
        case .leadsRegistered: 42
        case .leadsApproved: 43
        case .leadsConverted: 44
        case .conversions: 45
        case .pipelineByStage: 46
        case .pipelineAmountByStage: 47
        case .pipelineByPartner: 48
        case .pipelineAmountByPartner: 49
        case .opportunitiesWon: 50
        case .opportunitiesLost: 51
        case .fundRequests: 52
        case .fundRequestedAmount: 53
        case .fundApprovedAmount: 54
        case .fundClaimedAmount: 55
        case .flagged: 56
        case .held: 57
        case .removed: 58
        case .decisions: 59
        case .decisionSeconds: 60
        }
    }
}
