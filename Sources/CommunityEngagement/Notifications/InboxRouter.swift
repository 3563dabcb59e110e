import CommunityModel
import Foundation

/// Turns engagement events into inbox notices for the members concerned, never telling a
/// member about content they may not see.
enum InboxRouter {
    static func subscribe(_ engine: Engagement) -> [EventSubscription] {
        let bus = engine.bus
        weak let weakEngine = engine
        func on<E: DomainEvent>(_ type: E.Type, _ handle: @escaping @Sendable (Engagement, E) throws -> Void) -> EventSubscription {
            bus.subscribe(type) { event in
                guard let engine = weakEngine else { return }
                try? handle(engine, event)
            }
        }
        return [
            on(MemberMentioned.self) { engine, e in
                let snapshot = engine.store.snapshot()
                guard (try? engine.visibleAuthor(of: e.subject, viewer: e.memberID, in: snapshot)) != nil else { return }
                let who = try snapshot.value(e.mentionedBy)?.nickname ?? "Someone"
                try engine.notifications.post(to: e.memberID, kind: .mention,
                    title: e.viaGroup == nil ? "\(who) mentioned you" : "\(who) mentioned your group",
                    link: e.subject.description, actor: e.mentionedBy)
            },
            on(QuestionAnswered.self) { engine, e in
                guard e.status == .published else { return }
                let snapshot = engine.store.snapshot()
                guard let q = try snapshot.value(e.questionID) else { return }
                var recipients = engine.index.followers(of: .question(e.questionID))
                recipients.insert(e.askerID)
                recipients.remove(e.authorID)
                let who = try snapshot.value(e.authorID)?.nickname ?? "Someone"
                for r in recipients.sorted() where engine.canSee(q, viewer: r) {
                    try engine.notifications.post(to: r, kind: .answer,
                        title: r == e.askerID ? "\(who) answered your question" : "\(who) answered a question you follow",
                        body: q.title, link: ContentRef.question(e.questionID).description, actor: e.authorID)
                }
            },
            on(BestAnswerChosen.self) { engine, e in
                guard e.answerAuthorID != e.chosenBy else { return }
                let title = try engine.store.snapshot().value(e.questionID)?.title ?? ""
                try engine.notifications.post(to: e.answerAuthorID, kind: .bestAnswer, title: "Your answer was chosen as the best answer",
                    body: title, link: ContentRef.question(e.questionID).description, actor: e.chosenBy)
            },
            on(IdeaStatusChanged.self) { engine, e in
                guard let idea = try engine.store.snapshot().value(e.ideaID) else { return }
                var recipients = Set(idea.votes.keys)
                recipients.insert(idea.authorID)
                recipients.remove(e.changedBy)
                for r in recipients.sorted() {
                    try engine.notifications.post(to: r, kind: .ideaStatusChanged, title: "\(idea.title): \(e.to.rawValue)",
                        body: e.comment, link: ContentRef.idea(e.ideaID).description, actor: e.changedBy)
                }
            },
            on(CommentPosted.self) { engine, e in
                guard e.status == .published, e.authorID != e.subjectAuthorID else { return }
                let snapshot = engine.store.snapshot()
                guard (try? engine.visibleAuthor(of: e.subject, viewer: e.subjectAuthorID, in: snapshot)) != nil else { return }
                let who = try snapshot.value(e.authorID)?.nickname ?? "Someone"
                try engine.notifications.post(to: e.subjectAuthorID, kind: .comment, title: "\(who) commented",
                    link: e.subject.description, actor: e.authorID)
            },
            on(JoinRequested.self) { engine, e in
                let managers = try engine.store.snapshot().query(
                    Query<GroupMembership>().where("groupID", equals: .reference(e.groupID.rawValue))
                ).map(\.value).filter { $0.role >= .manager }
                for m in managers {
                    try engine.notifications.post(to: m.memberID, kind: .groupRequest, title: "A member asked to join your group",
                        link: ContentRef.group(e.groupID).description, actor: e.memberID)
                }
            },
            on(JoinRequestDecided.self) { engine, e in
                try engine.notifications.post(to: e.memberID, kind: .groupRequest,
                    title: e.approved ? "Your request to join was approved" : "Your request to join was declined",
                    link: ContentRef.group(e.groupID).description, actor: e.decidedBy)
            },
            on(BadgeAwarded.self) { engine, e in
                let name = try engine.store.snapshot().value(e.badgeID)?.name ?? "a badge"
                try engine.notifications.post(to: e.memberID, kind: .recognition, title: "You earned \(name)", actor: e.awardedBy)
            },
            on(LevelReached.self) { engine, e in
                try engine.notifications.post(to: e.memberID, kind: .recognition, title: "You reached \(e.level.name)")
            },
            on(ModerationDecided.self) { engine, e in
                guard let entry = try engine.store.snapshot().value(e.caseID), entry.authorID != e.moderatorID else { return }
                try engine.notifications.post(to: entry.authorID, kind: .moderation,
                    title: "Moderators \(e.decision.rawValue) your content", link: e.subject.description, actor: e.moderatorID)
            },
        ]
    }
}
