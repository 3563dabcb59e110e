public import CommunityModel

/// Members edit their own profile: public name (screened by moderation rules), title, about
/// and photo. Only the member themself may change them.
public struct Profiles: Sendable {
    let engine: Engagement

    /// A member's details (empty ones when never set).
    public func details(of memberID: ID<User>) throws -> MemberDetails {
        try engine.store.snapshot().value(memberID.retyped(as: MemberDetails.self)) ?? MemberDetails(memberID: memberID)
    }

    /// Changes a member's public name (their nickname), title and about text in one write.
    ///
    /// - Throws: ``EngagementError/notAllowed(action:subject:)`` when `editor` is someone else;
    ///   ``EngagementError/invalid(_:)`` naming the field for an empty name or text over its
    ///   limit; ``EngagementError/blocked(rule:keywords:)`` when a moderation rule refuses the
    ///   name. Nothing is written when one is thrown.
    public func update(_ memberID: ID<User>, name: String, title: String, about: String, by editor: ID<User>) throws {
        try requireSelf(memberID, editor)
        try engine.checkText(name, field: "Profile.Name", max: MemberDetails.maxName)
        try engine.checkText(title, field: "Profile.Title", max: MemberDetails.maxTitle, required: false)
        try engine.checkText(about, field: "Profile.About", max: MemberDetails.maxAbout, required: false)
        try engine.perform { tx, _ -> Bool? in
            var user = try engine.writer(memberID, in: tx)
            let screened = try engine.moderation.screenMemberName(name, memberKind: user.kind)
            user.nickname = screened
            try tx.put(user)
            var details = try tx.value(memberID.retyped(as: MemberDetails.self)) ?? MemberDetails(memberID: memberID)
            details.title = title
            details.about = about
            details.updatedAt = engine.clock.now()
            try tx.put(details)
            return true
        }
    }

    /// Sets (or with `nil` clears) a member's photo; the caller stored the file first.
    ///
    /// - Throws: ``EngagementError/notAllowed(action:subject:)`` when `editor` is someone else.
    public func setPhoto(_ memberID: ID<User>, fileID: String?, by editor: ID<User>) throws {
        try requireSelf(memberID, editor)
        try engine.perform { tx, _ -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            var details = try tx.value(memberID.retyped(as: MemberDetails.self)) ?? MemberDetails(memberID: memberID)
            details.photoFileID = fileID
            details.updatedAt = engine.clock.now()
            try tx.put(details)
            return true
        }
    }

    private func requireSelf(_ memberID: ID<User>, _ editor: ID<User>) throws {
        guard memberID == editor else {
            throw EngagementError.notAllowed(action: "edit the profile of", subject: "member \(memberID)")
        }
    }
}

extension Engagement {
    /// Members' own profiles: name, title, about and photo.
    public var profiles: Profiles { Profiles(engine: self) }
}
