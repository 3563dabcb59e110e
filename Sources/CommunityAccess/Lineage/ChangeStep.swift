import CommunityModel

/// What one published step of an engine changed, collected while the step is applied
/// (``AccessState/apply(_:noting:)``) and kept in the ``ChangeJournal``.
struct ChangeStep: Sendable {
    /// The most record changes a step keeps; a larger step (a bulk load) is kept as
    /// `complete == false`, which no answer is carried across.
    static let maximumRecords = 4_096

    var records: [RecordChange] = []
    var sharingNeutral = true
    /// Whether ``records`` lists every record change of the step.
    var complete = true

    mutating func note(_ change: RecordChange) {
        guard complete else { return }
        if records.count >= Self.maximumRecords {
            records = []
            complete = false
            return
        }
        records.append(change)
    }

    /// A step nothing is known about (a load from a store or a checkpoint).
    static let unknown = ChangeStep(records: [], sharingNeutral: false, complete: false)
}

extension AccessState {
    /// The entity types that configure access (everything ``apply(_:)`` handles besides records).
    static let accessEntityTypes: Set<EntityType> = [
        SharingSettings.entityType, Profile.entityType, PermissionSet.entityType, PermissionSetGroup.entityType, Role.entityType,
        User.entityType, PublicGroup.entityType, Queue.entityType, OrgWideDefault.entityType, SharingSet.entityType,
        SiteMembership.entityType, SharingRule.entityType, RecordShare.entityType,
    ]

    /// Applies an entity (``apply(_:)``) and notes in `step` what it changed.
    mutating func apply(_ entity: any Entity, noting step: inout ChangeStep) {
        guard let record = entity as? any Record else {
            if Self.accessEntityTypes.contains(Swift.type(of: entity).entityType) { step.sharingNeutral = false }
            apply(entity)
            return
        }
        let object = Swift.type(of: record).entityType
        let id = record.idString
        var before: (any Record)?
        var oldRow = RecordRow()
        var oldContact: Int32 = -1
        if let i = recordIndex(object: object, id: id), rows[Int(i)].alive {
            before = entities[Int(i)].record
            oldRow = rows[Int(i)]
            oldContact = rowContacts[Int(i)]
        }
        upsertRecord(record)
        guard let i = recordIndex(object: object, id: id) else {
            step.sharingNeutral = false
            return
        }
        let row = rows[Int(i)]
        if let before {
            let sameColumns = oldRow.ownerUser == row.ownerUser && oldRow.ownerQueue == row.ownerQueue && oldRow.account == row.account
                && oldRow.parent == row.parent && oldRow.criteria == row.criteria && oldContact == rowContacts[Int(i)]
            // Fields that criteria rules and sharing sets compare (sharing sets read them while checking).
            let sameCompared = criteriaIndex.fields(of: row.object).allSatisfy { before.value(of: $0.name) == record.value(of: $0.name) }
            if !sameColumns || !sameCompared { step.sharingNeutral = false }
        } else {
            step.sharingNeutral = false
        }
        step.note(RecordChange(object: object, handle: RecordHandle(index: i), before: before, after: record))
    }

    /// Applies a deletion (``applyDeletion(type:id:)``) and notes in `step` what it changed.
    mutating func applyDeletion(type: EntityType, id: String, noting step: inout ChangeStep) {
        if Self.accessEntityTypes.contains(type) {
            step.sharingNeutral = false
            applyDeletion(type: type, id: id)
            return
        }
        guard let i = recordIndex(object: type, id: id), rows[Int(i)].alive else {
            applyDeletion(type: type, id: id)
            return
        }
        let before = entities[Int(i)].record
        applyDeletion(type: type, id: id)
        step.sharingNeutral = false
        step.note(RecordChange(object: type, handle: RecordHandle(index: i), before: before, after: nil))
    }
}
