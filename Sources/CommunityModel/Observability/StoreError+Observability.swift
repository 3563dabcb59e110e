extension StoreError {
    /// The error's kind as a metric label and log value: `conflict`, `backend`, `corrupt`,
    /// `feedTruncated`, `unindexedField`, `locked`, or `other` for a kind added later.
    var observedKind: String {
        if case .conflict = self { return "conflict" }
        if case .backend = self { return "backend" }
        if case .corrupt = self { return "corrupt" }
        if case .feedTruncated = self { return "feedTruncated" }
        if case .unindexedField = self { return "unindexedField" }
        if case .locked = self { return "locked" }
        return "other"
    }
}

extension ValidationError.Reason {
    /// The kind of rule broken, without the offending value: `required`, `tooLong`,
    /// `wrongType`, `notInPicklist`, `unknownReference`, `unknownField`, `invalidIdentifier`,
    /// `outOfRange`, `invalidValue`, or `other` for a reason added later.
    var observedKind: String {
        if case .required = self { return "required" }
        if case .tooLong = self { return "tooLong" }
        if case .wrongType = self { return "wrongType" }
        if case .notInPicklist = self { return "notInPicklist" }
        if case .unknownReference = self { return "unknownReference" }
        if case .unknownField = self { return "unknownField" }
        if case .invalidIdentifier = self { return "invalidIdentifier" }
        if case .outOfRange = self { return "outOfRange" }
        if case .invalidValue = self { return "invalidValue" }
        return "other"
    }
}
