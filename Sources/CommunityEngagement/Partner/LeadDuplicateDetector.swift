public import CommunityModel
import Foundation

/// Finds existing leads and accounts a new registration duplicates, by normalised company
/// name (``Account/normalize(name:)``) and by e-mail domain (free-mail domains ignored).
public struct LeadDuplicateDetector: Sendable {
    /// Domains shared by unrelated people, never treated as a company's domain.
    public var ignoredDomains: Set<String>
    /// Lead statuses that no longer count (rejected and unqualified leads).
    public var ignoredStatuses: Set<Lead.Status>

    /// Creates a detector.
    public init(
        ignoredDomains: Set<String> = [
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "gmx.de",
            "web.de", "naver.com", "daum.net", "proton.me",
        ],
        ignoredStatuses: Set<Lead.Status> = [.rejected, .unqualified]
    ) {
        self.ignoredDomains = ignoredDomains
        self.ignoredStatuses = ignoredStatuses
    }

    /// The lower-cased host of a web address, without scheme, `www.`, port or path.
    public static func domain(ofWebsite website: String) -> String? {
        var text = website.trimmingCharacters(in: .whitespaces).lowercased()
        if let range = text.range(of: "://") { text = String(text[range.upperBound...]) }
        text = String(text.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
        if text.hasPrefix("www.") { text.removeFirst(4) }
        return text.contains(".") ? text : nil
    }

    /// Records the lead would duplicate, leads first, each record once (name before domain).
    public func duplicates(of lead: Lead, in reader: any StoreReader) throws -> [LeadDuplicate] {
        var result: [LeadDuplicate] = []
        var seen = Set<String>()
        func add(_ type: EntityType, _ id: String, _ reason: LeadDuplicate.Reason) {
            guard id != lead.id.rawValue, seen.insert("\(type):\(id)").inserted else { return }
            result.append(LeadDuplicate(entityType: type, id: id, reason: reason))
        }
        let name = Account.normalize(name: lead.company)
        let domain = lead.emailDomain.flatMap { ignoredDomains.contains($0) ? nil : $0 }
        if !name.isEmpty {
            for match in try reader.query(Query<Lead>().where("normalizedCompany", equals: .text(name)))
            where !ignoredStatuses.contains(match.value.status) {
                add(Lead.entityType, match.value.id.rawValue, .companyName)
            }
        }
        if let domain {
            for match in try reader.query(Query<Lead>().where("emailDomain", equals: .text(domain)))
            where !ignoredStatuses.contains(match.value.status) {
                add(Lead.entityType, match.value.id.rawValue, .emailDomain)
            }
        }
        if !name.isEmpty {
            for match in try reader.query(Query<Account>().where("normalizedName", equals: .text(name))) {
                add(Account.entityType, match.value.id.rawValue, .companyName)
            }
        }
        if let domain {
            for account in try reader.all(Account.self).map(\.value) {
                if let site = account.website, Self.domain(ofWebsite: site) == domain {
                    add(Account.entityType, account.id.rawValue, .emailDomain)
                }
            }
        }
        return result
    }
}
