import CommunityKit

/// Tagged questions, an idea and a discussion, so the topic pages and the search facets of
/// the example have every kind of content. Topic names on questions and posts are matched to
/// the topics in any case ("deals" is the Deals topic).
enum TopicSeed {
    static func run(_ community: Community) throws {
        let licensing = try community.topics.createTopic(name: "Licensing", description: "Renewals and licence keys", by: "cara")
        try community.topics.setNavigational(licensing.id, order: 3, by: "cara")
        // The help center's billing questions carry it; the partner portal never lists them.
        _ = try community.topics.createTopic(name: "Billing", description: "Invoices and payments", by: "cara")
        try community.engagement.questions.ask(
            title: "Can two partners register the same deal?", body: "<p>A customer talked to us and to another partner.</p>",
            topics: ["deals"], by: "bo")
        try community.engagement.feeds.post(
            .text("<p>Tip: attach the customer's purchase order when you register a deal.</p>", on: .member("mia"), topics: ["Deals"]),
            by: "mia")
        let zone = try community.engagement.ideas.createZone(name: "Deal desk", categories: ["Registration"], by: "cara")
        let idea = try community.engagement.ideas.submit(
            to: zone.id, title: "Co-selling: register one deal for two partners",
            body: "<p>Let two partners share a registration when a customer asks both.</p>", categories: ["Registration"], by: "pat")
        if let deals = try community.topics.topic(named: "Deals") {
            try community.topics.assign(deals.id, to: TopicTarget(type: .idea, id: idea.id.rawValue), by: "cara")
        }
    }
}
