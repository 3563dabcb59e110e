extension Site {
    /// Whether the member directory, member profiles and the leaderboard show people to a
    /// guest: only when ``showsMembersToGuests`` is `true`.
    public var guestsMaySeeMembers: Bool { showsMembersToGuests ?? false }

    /// Whether components that list or show members may do so for `viewer`.
    public func mayShowMembers(to viewer: Viewer) -> Bool { !viewer.isGuest || guestsMaySeeMembers }
}
