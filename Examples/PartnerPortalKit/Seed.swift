import CommunityKit
import Foundation

/// The fictional company Northwind Cloud, its channel team, partners and customers.
enum Seed {
    static let people: [User] = [
        User(id: "dana", kind: .internal, name: "Dana Director", email: "dana@northwind.example", profileID: "channel", permissionSetIDs: ["site-admin"], roleID: "vp-channel"),
        User(id: "cara", kind: .internal, name: "Cara Channel", email: "cara@northwind.example", profileID: "channel", roleID: "channel-manager", managerID: "dana"),
        User(id: "sam", kind: .internal, name: "Sam Support", email: "sam@northwind.example", profileID: "support", roleID: "support-agent"),
        User(id: "alex", kind: .partner, name: "Alex Acme", email: "alex@acme.example", profileID: "partner", roleID: "acme-exec", accountID: "acme", isSuperUser: true),
        User(id: "mia", kind: .partner, name: "Mia Manager", email: "mia@acme.example", profileID: "partner", roleID: "acme-mgr", accountID: "acme", managerID: "alex"),
        User(id: "pat", kind: .partner, name: "Pat Partner", email: "pat@acme.example", profileID: "partner", roleID: "acme-user", accountID: "acme", managerID: "mia"),
        User(id: "gina", kind: .partner, name: "Gina Globex", email: "gina@globex.example", profileID: "partner", roleID: "globex-mgr", accountID: "globex"),
        User(id: "bo", kind: .partner, name: "Bo Berger", email: "bo@globex.example", profileID: "partner", roleID: "globex-user", accountID: "globex", managerID: "gina"),
        User(id: "ines", kind: .partner, name: "Ines Iversen", email: "ines@initrode.example", locale: "de_DE", timeZone: "Europe/Berlin", profileID: "partner", roleID: "initrode-user", accountID: "initrode"),
        User(id: "jisoo", kind: .partner, name: "Kim Jisoo", nickname: "지수", email: "jisoo@hanbit.example", locale: "ko_KR", timeZone: "Asia/Seoul", profileID: "partner", roleID: "hanbit-user", accountID: "hanbit"),
        User(id: "kim", kind: .customer, name: "Kim Minji", nickname: "민지", email: "minji@seoulretail.example", locale: "ko_KR", timeZone: "Asia/Seoul", profileID: "customer", roleID: "seoul-user", accountID: "seoul-retail"),
    ]

    /// ``people`` as members who joined: partners through Partner Central and Kim through the help
    /// center, days before `now` (the new-member KPIs count them per site); employees joined no site.
    static func members(now: Date) -> [User] {
        let joined: [ID<User>: (site: String, daysAgo: Double)] = [
            "alex": ("partners", 60), "mia": ("partners", 45), "pat": ("partners", 21), "gina": ("partners", 30), "bo": ("partners", 12),
            "ines": ("partners", 5), "jisoo": ("partners", 2), "kim": ("help", 9),
        ]
        return people.map { person in
            guard let how = joined[person.id] else { return person }
            var member = person
            member.siteID = how.site
            member.joinedAt = now.addingTimeInterval(-how.daysAgo * 86_400)
            return member
        }
    }

    /// The day `days` after `now` (UTC), but no later than the last day of `now`'s quarter: the
    /// seeded deals close in the quarter and year the portal is seeded in, so the "this quarter"
    /// and "this year" reports find them whenever that is (tests pass a fixed `now`).
    static func closeDay(_ now: Date, inDays days: Int) -> Day {
        let today = Day(now)
        let quarterEndMonth = ((today.month - 1) / 3) * 3 + 3
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let candidate = Day(now.addingTimeInterval(Double(max(0, days)) * 86_400))
        let next = quarterEndMonth == 12 ? DateComponents(year: today.year + 1, month: 1, day: 1) : DateComponents(year: today.year, month: quarterEndMonth + 1, day: 1)
        guard let nextQuarter = utc.date(from: next) else { return candidate }
        let lastOfQuarter = Day(nextQuarter.addingTimeInterval(-86_400))
        return candidate < lastOfQuarter ? candidate : lastOfQuarter
    }

    /// Everything the portal starts with, dated relative to `now` (the day it is seeded).
    static func entities(now: Date) throws -> [any Entity] {
        var out: [any Entity] = [
            Profile(id: "channel", name: "Channel Manager", permissions: PermissionGrants(
                objects: ["Lead": .crud, "Opportunity": .crud, "Account": .crud, "Contact": .crud, "Case": .crud, "ReportFolder": .crud],
                fields: ["Lead": ["Internal_Score__c": .edit], "Opportunity": ["Margin__c": .edit]],
                system: [.moderateCommunity, .manageKnowledge, SystemPermission("manageTopics")])),
            // Dana administers the sites: the builder at /partners/builder and /help/builder.
            PermissionSet(id: "site-admin", name: "Site administrators", permissions: PermissionGrants(system: [Community.siteBuilderPermission, Community.explainAccessPermission])),
            Profile(id: "support", name: "Support Agent", permissions: PermissionGrants(objects: ["Case": [.read, .create, .edit, .viewAll], "Account": [.read]], system: [.moderateUsers])),
            Profile(id: "partner", name: "Partner Community User", permissions: PermissionGrants(
                objects: ["Lead": [.read, .create, .edit], "Opportunity": [.read, .create, .edit], "Account": [.read, .create],
                          "Contact": [.read, .create], "Case": [.read, .create], "ReportFolder": [.read]],
                fields: ["Lead": ["Internal_Score__c": .hidden], "Opportunity": ["Margin__c": .hidden]])),
            Profile(id: "customer", name: "Customer Community Plus User", permissions: PermissionGrants(objects: ["Case": [.read, .create], "Account": [.read]])),
            // The help center's guest user has this profile; a guest rule decides which cases it reads.
            Profile(id: "help-guest", name: "Help Center Guest", permissions: PermissionGrants(objects: ["Case": [.read]])),
            OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Case", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Contact", internalAccess: .controlledByParent, externalAccess: .controlledByParent),
            Role(id: "vp-channel", name: "VP Channel Sales"),
            Role(id: "channel-manager", name: "Channel Manager", parentID: "vp-channel"),
            Role(id: "support-agent", name: "Support Agent", parentID: "vp-channel"),
        ]
        for (account, tier, country) in [("acme", Account.PartnerTier.gold, "NA"), ("globex", .silver, "NA"), ("initrode", .platinum, "EMEA"), ("hanbit", .registered, "APAC")] {
            let names = ["acme": "Acme Analytics", "globex": "Globex Systems", "initrode": "Initrode GmbH", "hanbit": "Hanbit Soft 주식회사"]
            out.append(Account(id: ID(account), name: names[account]!, owner: "cara", isPartner: true, partnerTier: tier, region: country))
            out.append(Role(id: ID("\(account)-exec"), name: "\(names[account]!) Partner Executive", kind: .partner, accountID: ID(account), externalLevel: .executive))
            out.append(Role(id: ID("\(account)-mgr"), name: "\(names[account]!) Partner Manager", parentID: ID("\(account)-exec"), kind: .partner, accountID: ID(account), externalLevel: .manager))
            out.append(Role(id: ID("\(account)-user"), name: "\(names[account]!) Partner User", parentID: ID("\(account)-mgr"), kind: .partner, accountID: ID(account), externalLevel: .user))
        }
        out.append(Account(id: "seoul-retail", name: "Seoul Retail", owner: "sam", region: "APAC", industry: "Retail"))
        out.append(Role(id: "seoul-user", name: "Seoul Retail Customer User", kind: .customer, accountID: "seoul-retail", externalLevel: .user))
        out += members(now: now).map { $0 as any Entity }
        out += [
            Lead(id: "lead-acme-1", firstName: "Lena", lastName: "Lopez", company: "Contoso Retail", email: "lena@contoso.example", status: .approved,
                 partnerAccountID: "acme", region: "NA", product: "Analytics", owner: .user("pat"), customFields: ["Internal_Score__c": .number(82)], siteID: "partners"),
            Lead(id: "lead-acme-2", lastName: "Meyer", company: "Fabrikam", partnerAccountID: "acme", product: "Cloud", owner: .user("mia"), siteID: "partners"),
            Lead(id: "lead-globex-1", lastName: "Nakamura", company: "Tailspin Toys", partnerAccountID: "globex", product: "Cloud", owner: .user("bo"), siteID: "partners"),
            Lead(id: "lead-initrode-1", firstName: "Jonas", lastName: "Weber", company: "Müller Maschinenbau", partnerAccountID: "initrode", region: "EMEA", product: "Support Plus", owner: .user("ines"), siteID: "partners"),
            Opportunity(id: "opp-acme-1", name: "Contoso Retail – Analytics", accountID: "acme", stage: "Proposal", amount: 48_000, closeDate: closeDay(now, inDays: 24),
                        probability: 60, partnerAccountID: "acme", region: "NA", owner: "pat", customFields: ["Margin__c": .number(0.31)], siteID: "partners"),
            Opportunity(id: "opp-globex-1", name: "Tailspin – Cloud", accountID: "globex", stage: "Qualification", amount: 22_000, closeDate: closeDay(now, inDays: 40),
                        probability: 20, partnerAccountID: "globex", region: "NA", owner: "bo", siteID: "partners"),
            Opportunity(id: "opp-hanbit-1", name: "한빛 – Analytics", accountID: "hanbit", stage: "Negotiation", amount: 35_000, closeDate: closeDay(now, inDays: 10),
                        probability: 80, partnerAccountID: "hanbit", region: "APAC", owner: "jisoo", siteID: "partners"),
            Opportunity(id: "opp-initrode-1", name: "Müller Maschinenbau – Support Plus", accountID: "initrode", stage: "Proposal", amount: 18_500,
                        closeDate: closeDay(now, inDays: 55), probability: 50, partnerAccountID: "initrode", region: "EMEA", owner: "ines", customFields: ["CurrencyIsoCode": .text("EUR")], siteID: "partners"),
            Case(id: "case-acme-1", subject: "Cannot open the partner price list", description: "The PDF link returns an error.", accountID: "acme",
                 priority: .high, origin: .community, owner: .user("pat"), siteID: "partners"),
            Case(id: "case-known-1", subject: "Known issue: sign-in e-mails delayed in Europe", description: "Verification e-mails arrive up to an hour late. A fix is rolling out.",
                 status: "Known Issue", priority: .high, origin: .web, owner: .user("sam")),
        ]
        return out
    }

    /// Questions and ideas go through Engagement so they are indexed, screened and scored. Each
    /// belongs to the site it is asked in: the partner portal's never show in the help center,
    /// and the other way round; so do the points they earn (each site's leaderboard).
    static func engagement(_ community: Community) throws {
        try community.engagement.questions.ask(title: "How long does deal approval take?", body: "<p>I registered a lead yesterday. When will my channel manager decide?</p>", topics: ["Deals"], site: "partners", by: "pat")
        let q = try community.engagement.questions.ask(title: "Wie beantrage ich MDF?", body: "<p>Wo finde ich das Formular für Marketingmittel?</p>", topics: ["Funds"], site: "partners", by: "ines")
        try community.engagement.questions.answer(q.id, body: "<p>Unter <strong>Partnerprogramm</strong> → Mittel beantragen.</p>", by: "cara")
        try community.engagement.questions.ask(title: "라이선스 갱신은 어떻게 하나요?", body: "<p>고객사 라이선스 갱신 절차가 궁금합니다.</p>", topics: ["Licensing"], site: "partners", by: "jisoo")
        // The help center's own questions.
        let export = try community.engagement.questions.ask(title: "How do I export my invoices?", body: "<p>I need last year's invoices as a spreadsheet.</p>", topics: ["Billing"], site: "help", by: "kim")
        let answer = try community.engagement.questions.answer(export.id, body: "<p>Open <strong>Billing</strong> → Invoices and choose <em>Export CSV</em>.</p>", by: "sam")
        try community.engagement.questions.chooseBestAnswer(answer.id, by: "kim")
        try community.engagement.questions.ask(title: "Can I change the e-mail address I sign in with?", body: "<p>My company changed its domain.</p>", topics: ["Account"], site: "help", by: "pat")
        let zone = try community.engagement.ideas.createZone(name: "Partner portal", categories: ["Portal", "Program"], site: "partners", by: "cara")
        let idea = try community.engagement.ideas.submit(to: zone.id, title: "Bulk lead upload from CSV", body: "<p>We register dozens of leads after events.</p>", categories: ["Portal"], by: "bo")
        _ = try community.engagement.ideas.vote(idea.id, value: 1, by: "pat")
        _ = try community.engagement.ideas.submit(to: zone.id, title: "Korean-language deal registration form", body: "<p>한국어 양식이 필요합니다.</p>", categories: ["Portal"], by: "jisoo")
        // The help center's guest user reads known-issue cases through a guest sharing rule.
        if let guest = community.site("help")?.site.guestUserID {
            try AccessAdministrator(store: community.store, engine: community.access).saveRule(SharingRule(
                id: "help-guest-known-issues", name: "Known issues to the help center's guests", object: "Case",
                selection: .criteria([SharingCriterion(field: "Status", equals: .picklist("Known Issue"))]),
                sharedWith: .user(guest), isGuestRule: true))
        }
    }
}
