import CommunityModel
import Foundation
import Testing

@Suite struct UserValidationTests {
    func user(_ kind: User.Kind, account: ID<Account>? = nil) -> User {
        User(id: "u1", kind: kind, name: "Ada Lovelace", email: "ada@example.com", profileID: "p1", accountID: account)
    }

    func rejects(_ user: User, _ field: String) {
        #expect {
            try user.validate()
        } throws: { error in
            (error as? ValidationError)?.field == field
        }
    }

    @Test func acceptsEachKindWithItsRules() throws {
        try user(.internal).validate()
        try user(.partner, account: "acc").validate()
        try user(.customer, account: "acc").validate()
        try user(.guest).validate()
        var highVolume = user(.customer, account: "acc")
        highVolume.isHighVolume = true
        try highVolume.validate()
        var superUser = user(.partner, account: "acc")
        superUser.isSuperUser = true
        superUser.roleID = "partner-role"
        try superUser.validate()
        #expect(User.Kind.partner.isExternal && User.Kind.customer.isExternal)
        #expect(!User.Kind.internal.isExternal && !User.Kind.guest.isExternal)
    }

    @Test func checksOwnFields() {
        var u = user(.internal)
        u.name = "  "
        #expect(throws: ValidationError(field: "User.Name", reason: .required)) { try u.validate() }
        u = user(.internal)
        u.nickname = String(repeating: "n", count: 41)
        #expect(throws: ValidationError(field: "User.Nickname", reason: .tooLong(limit: 40, actual: 41))) { try u.validate() }
        for email in ["ada", "ada@", "@example.com", "ada@example", "a da@example.com", "<ada@example.com>", "ada@@example.com", "ada@.com"] {
            u = user(.internal)
            u.email = email
            rejects(u, "User.Email")
        }
        u = user(.internal)
        u.timeZone = "Mars/Olympus"
        #expect(throws: ValidationError(field: "User.TimeZone", reason: .invalidValue("unknown time zone Mars/Olympus"))) { try u.validate() }
        u = user(.internal)
        u.locale = String(repeating: "x", count: 17)
        rejects(u, "User.Locale")
    }

    @Test func enforcesTheKindRules() {
        #expect(throws: ValidationError(field: "User.AccountId", reason: .required)) { try user(.partner).validate() }
        #expect(throws: ValidationError(field: "User.AccountId", reason: .required)) { try user(.customer).validate() }
        rejects(user(.internal, account: "acc"), "User.AccountId")
        var guest = user(.guest)
        guest.contactID = "c1"
        rejects(guest, "User.AccountId")
        guest = user(.guest)
        guest.roleID = "r1"
        rejects(guest, "User.RoleId")
        var highVolume = user(.customer, account: "acc")
        highVolume.isHighVolume = true
        highVolume.roleID = "r1"
        rejects(highVolume, "User.RoleId")
        var partnerHighVolume = user(.partner, account: "acc")
        partnerHighVolume.isHighVolume = true
        rejects(partnerHighVolume, "User.IsHighVolume")
        var internalSuper = user(.internal)
        internalSuper.isSuperUser = true
        rejects(internalSuper, "User.IsSuperUser")
    }
}

@Suite struct RecordValidationTests {
    @Test func account() throws {
        let good = Account(id: "acme", name: "Acme", owner: "u1", isPartner: true, partnerTier: .gold)
        try good.validate()
        #expect(good.accountID == good.id)
        var a = good
        a.name = ""
        #expect(throws: ValidationError(field: "Account.Name", reason: .required)) { try a.validate() }
        a = good
        a.name = String(repeating: "a", count: 256)
        #expect(throws: ValidationError(field: "Account.Name", reason: .tooLong(limit: 255, actual: 256))) { try a.validate() }
        a = good
        a.owner = .queue("q1")
        #expect(throws: ValidationError(field: "Account.OwnerId", reason: .invalidValue("accounts are owned by users"))) { try a.validate() }
        a = good
        a.parentID = good.id
        #expect(throws: ValidationError(field: "Account.ParentId", reason: .invalidValue("an account cannot be its own parent"))) { try a.validate() }
        a = good
        a.isPartner = false
        #expect(throws: ValidationError(field: "Account.PartnerTier", reason: .invalidValue("only partner accounts have a tier"))) { try a.validate() }
        #expect(Account.PartnerTier.registered < .silver && Account.PartnerTier.gold < .platinum)
    }

    @Test func contact() throws {
        let good = Contact(id: "c1", firstName: "Grace", lastName: "Hopper", email: "grace@navy.example", phone: "+1 555", accountID: "acme", owner: "u1")
        try good.validate()
        #expect(good.name == "Grace Hopper")
        #expect(Contact(id: "c2", lastName: "Solo", accountID: nil, owner: "u1").name == "Solo")
        var c = good
        c.lastName = " "
        #expect(throws: ValidationError(field: "Contact.LastName", reason: .required)) { try c.validate() }
        c = good
        c.firstName = String(repeating: "g", count: 41)
        #expect(throws: ValidationError(field: "Contact.FirstName", reason: .tooLong(limit: 40, actual: 41))) { try c.validate() }
        c = good
        c.email = "grace at navy"
        #expect(throws: ValidationError.self) { try c.validate() }
        c = good
        c.phone = String(repeating: "5", count: 41)
        #expect(throws: ValidationError(field: "Contact.Phone", reason: .tooLong(limit: 40, actual: 41))) { try c.validate() }
    }

    @Test func lead() throws {
        let good = Lead(id: "l1", lastName: "Turing", company: "Bletchley Ltd", email: "alan@Bletchley.example", owner: .queue("q1"))
        try good.validate()
        #expect(good.emailDomain == "bletchley.example")
        #expect(good.accountID == nil)
        var l = good
        l.company = ""
        #expect(throws: ValidationError(field: "Lead.Company", reason: .required)) { try l.validate() }
        l = good
        l.lastName = String(repeating: "t", count: 81)
        #expect(throws: ValidationError(field: "Lead.LastName", reason: .tooLong(limit: 80, actual: 81))) { try l.validate() }
        l = good
        l.email = "alan@"
        #expect {
            try l.validate()
        } throws: { error in
            (error as? ValidationError)?.field == "Lead.Email"
        }
    }

    @Test func opportunity() throws {
        let good = Opportunity(id: "o1", name: "Big deal", accountID: "acme", stage: "Prospecting", amount: 1_000, closeDate: try Day(parsing: "2026-06-30"), owner: "u1")
        try good.validate()
        var o = good
        o.amount = -1
        #expect(throws: ValidationError(field: "Opportunity.Amount", reason: .outOfRange("-1 < 0"))) { try o.validate() }
        o = good
        o.probability = 101
        #expect(throws: ValidationError(field: "Opportunity.Probability", reason: .outOfRange("101 not in 0...100"))) { try o.validate() }
        o = good
        o.probability = -1
        #expect(throws: ValidationError.self) { try o.validate() }
        o = good
        o.stage = ""
        #expect(throws: ValidationError(field: "Opportunity.StageName", reason: .required)) { try o.validate() }
        o = good
        o.name = String(repeating: "d", count: 121)
        #expect(throws: ValidationError(field: "Opportunity.Name", reason: .tooLong(limit: 120, actual: 121))) { try o.validate() }
        o = good
        o.nextStep = String(repeating: "s", count: 256)
        #expect(throws: ValidationError(field: "Opportunity.NextStep", reason: .tooLong(limit: 255, actual: 256))) { try o.validate() }
    }

    @Test func supportCase() throws {
        let good = Case(id: "case1", subject: "Printer on fire", owner: .queue("support"))
        try good.validate()
        var c = good
        c.subject = "\t"
        #expect(throws: ValidationError(field: "Case.Subject", reason: .required)) { try c.validate() }
        c = good
        c.description = String(repeating: "x", count: 32_001)
        #expect(throws: ValidationError(field: "Case.Description", reason: .tooLong(limit: 32_000, actual: 32_001))) { try c.validate() }
        c = good
        c.status = String(repeating: "s", count: 41)
        #expect(throws: ValidationError(field: "Case.Status", reason: .tooLong(limit: 40, actual: 41))) { try c.validate() }
        #expect(Case.Priority.low < .critical)
    }

    @Test func recordsExposeFieldsByName() throws {
        let o = Opportunity(id: "o1", name: "Deal", accountID: "acme", stage: "Closed Won", amount: 5, closeDate: try Day(parsing: "2026-01-02"), probability: 90, owner: "u1", customFields: ["Budget__c": .currency(7)])
        #expect(o.value(of: "StageName") == .picklist("Closed Won"))
        #expect(o.value(of: "Probability") == .number(90))
        #expect(o.value(of: "OwnerId") == .reference("user:u1"))
        #expect(o.value(of: "Budget__c") == .currency(7))
        #expect(o.value(of: "Missing__c") == nil)
        let c = Case(id: "case1", subject: "S", owner: .queue("q1"))
        #expect(c.value(of: "OwnerId") == .reference("queue:q1"))
        #expect(c.owner.queue == "q1" && c.owner.user == nil)
    }
}
