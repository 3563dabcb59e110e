public import CommunityModel

/// The keyword rules compiled for screening: one ``KeywordMatcher`` per active rule.
///
/// Screening is a pure function of the rules and the text; the services apply its verdict
/// inside their write transaction.
public struct ContentScreen: Sendable {
    /// The outcome of screening one piece of text.
    public struct Verdict: Sendable, Equatable {
        /// The strongest action any rule asked for (`nil` when nothing matched).
        public var action: ModerationAction?
        /// The rules that matched, with the keywords found.
        public var matchedRules: [ID<ModerationRule>]
        /// The keywords found.
        public var keywords: [String]
        /// The first rule with the strongest action.
        public var decisiveRule: ID<ModerationRule>?

        /// Nothing matched.
        public static let clean = Verdict(action: nil, matchedRules: [], keywords: [], decisiveRule: nil)
    }

    private let compiled: [(rule: ModerationRule, matcher: KeywordMatcher)]

    /// Compiles the active rules.
    public init(rules: [ModerationRule]) {
        compiled = rules.filter(\.isActive).sorted { $0.id < $1.id }.map { ($0, KeywordMatcher($0.keywords)) }
    }

    /// Whether no rule is active.
    public var isEmpty: Bool { compiled.isEmpty }

    private func applicable(_ kind: ContentKind, _ memberKind: User.Kind) -> [(rule: ModerationRule, matcher: KeywordMatcher)] {
        compiled.filter { $0.rule.contentKinds.contains(kind) && ($0.rule.memberKinds.isEmpty || $0.rule.memberKinds.contains(memberKind)) }
    }

    /// Screens plain text (titles, names, or the text of rich content).
    public func verdict(for text: String, kind: ContentKind, memberKind: User.Kind) -> Verdict {
        var v = Verdict.clean
        for (rule, matcher) in applicable(kind, memberKind) {
            let found = matcher.matches(in: text)
            guard !found.isEmpty else { continue }
            v.matchedRules.append(rule.id)
            v.keywords.append(contentsOf: found.map { String(text[$0.range]) })
            if v.action.map({ rule.action > $0 }) ?? true {
                v.action = rule.action
                v.decisiveRule = rule.id
            }
        }
        return v
    }

    /// Whether any masking rule matches the text.
    public func hasMaskMatch(_ text: String, kind: ContentKind, memberKind: User.Kind) -> Bool {
        applicable(kind, memberKind).contains { $0.rule.action == .mask && !$0.matcher.matches(in: text).isEmpty }
    }

    /// Plain text with every masking rule's keywords replaced by asterisks.
    public func masked(_ text: String, kind: ContentKind, memberKind: User.Kind) -> String {
        var out = text
        for (rule, matcher) in applicable(kind, memberKind) where rule.action == .mask { out = matcher.masked(out) }
        return out
    }

    /// Sanitised markup with keywords masked in its text only (tags and attributes untouched).
    public func masked(_ html: SanitizedHTML, kind: ContentKind, memberKind: User.Kind) -> SanitizedHTML {
        var out = ""
        var text = ""
        var inTag = false
        func flush() {
            guard !text.isEmpty else { return }
            let decoded = CharacterReferences.decode(text, inAttribute: false)
            out += CharacterReferences.escape(masked(decoded, kind: kind, memberKind: memberKind))
            text = ""
        }
        for c in html.html {
            if !inTag && c == "<" {
                flush()
                inTag = true
                out.append(c)
            } else if inTag {
                out.append(c)
                if c == ">" { inTag = false }
            } else {
                text.append(c)
            }
        }
        flush()
        return SanitizedHTML(trusted: out)
    }
}
