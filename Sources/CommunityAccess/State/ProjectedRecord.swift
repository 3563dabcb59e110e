import CommunityModel
import Synchronization

/// A record as a build from stored ``RecordAccessFields`` sees it: owner, account and the
/// covered fields, nothing else. It stands in a state's record storage only while the build
/// runs (``AccessState/upsertRecord(_:object:)`` and the passes after it read it like any
/// record); the build then replaces it with the record's encoded body.
///
/// Reading a field the access fields do not cover notes a miss in ``misses``; the build then
/// discards its state and reads the store the plain way, so an answer never depends on a
/// field that was not there.
struct ProjectedRecord: Record {
    static let entityType: EntityType = "ProjectedRecord"
    let id: ID<ProjectedRecord>
    var owner: Owner
    let fields: RecordAccessFields
    let misses: FieldMisses

    var accountID: ID<Account>? { fields.accountID.map { ID<Account>(uncheckedString: $0) } }

    var customFields: [String: FieldValue] {
        get {
            misses.note()
            return fields.customValues
        }
        set { misses.note() }
    }

    func value(of field: String) -> FieldValue? {
        guard RecordAccessFields.covers(field) else {
            misses.note()
            return nil
        }
        return fields.value(of: field)
    }

    init(id: String, fields: RecordAccessFields, misses: FieldMisses) {
        self.id = ID(uncheckedString: id)
        owner = fields.owner
        self.fields = fields
        self.misses = misses
    }

    // Never stored: a projection exists only inside a build.
    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "a projected record is never decoded"))
    }

    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(
            id.rawValue, EncodingError.Context(codingPath: [], debugDescription: "a projected record is never encoded"))
    }
}

/// Whether a build read a field that stored access fields do not cover.
final class FieldMisses: Sendable {
    private let missed = Atomic<Bool>(false)

    func note() { missed.store(true, ordering: .relaxed) }

    var any: Bool { missed.load(ordering: .relaxed) }
}
