import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering

extension APIProblem {
    /// The problem a service error becomes: the typed error's fields travel in `extensions`,
    /// a refused field's name in `invalidFields`; anything unexpected is 500 (and logged).
    static func from(_ error: any Error) -> APIProblem {
        switch error {
        case let problem as APIProblem:
            return problem
        case let denied as AccessDenied:
            return APIProblem(
                status: 403, kind: "forbidden", title: "Not allowed", detail: denied.description,
                extensions: ["entity": .string(denied.entity.name), "id": .string(denied.recordID), "action": .string(denied.action.rawValue)])
        case let error as AccessError:
            switch error {
            case .fieldNotEditable(_, let object, let field):
                return .forbidden("The field \(field) of \(object) may not be edited by this viewer.").with(field: field, "not editable")
            case .insufficientAccess(_, let object, let record, let action):
                return APIProblem(
                    status: 403, kind: "forbidden", title: "Not allowed", detail: "Not allowed to \(action.rawValue) \(object) \(record).",
                    extensions: ["entity": .string(object.name), "id": .string(record), "action": .string(action.rawValue)])
            default:
                return .unprocessable(error.description)
            }
        case let error as ValidationError:
            return .unprocessable(error.description, fields: [.init(error.field, error.description)], extensions: ["field": .string(error.field)])
        case let error as StoreError:
            if case .conflict(let entity, let id, _, let actual) = error {
                return APIProblem(
                    status: 409, kind: "conflict", title: "Conflict", detail: "\(entity) \(id) was changed by another request; read it again.",
                    extensions: ["entity": .string(entity.name), "id": .string(id), "actual": actual.map { .number(Double($0)) } ?? .null])
            }
            return .internalError()
        case let error as EngagementError:
            switch error {
            case .notAllowed: return .forbidden(error.description)
            case .notFound, .unknownGroup, .unknownZone, .unknownMember: return .notFound(error.description)
            case .invalid(let validation): return .from(validation)
            case .conflict: return .conflict(error.description)
            case .richText, .blocked, .memberFrozen, .memberSuspended, .groupFull, .groupArchived:
                return .unprocessable(error.description)
            }
        case let error as KnowledgeError:
            switch error {
            case .notAllowed: return .forbidden(error.description)
            case .unknownArticle: return .notFound(error.description)
            default: return .unprocessable(error.description)
            }
        case let error as CaseError:
            switch error {
            case .unknownCase: return .notFound(error.description)
            case .illegalTransition(let id, let from, let to):
                return APIProblem(
                    status: 409, kind: "illegal-transition", title: "Transition not allowed",
                    detail: "Case \(id.rawValue) cannot move from \(from) to \(to).", invalidFields: [.init("status", "not allowed from \(from)")],
                    extensions: ["id": .string(id.rawValue), "from": .string(from), "to": .string(to)])
            case .invalid(let validation): return .from(validation)
            case .notCaseMember, .internalCommentByExternalUser, .cannotPick: return .forbidden(error.description)
            default: return .unprocessable(error.description)
            }
        case let error as ApprovalError:
            switch error {
            case .notAnApprover, .notSubmitter: return .forbidden(error.description)
            case .unknownRequest: return .notFound(error.description)
            case .notPending, .concurrentDecision, .alreadyPending:
                return APIProblem(status: 409, kind: "conflict", title: "Conflict", detail: error.description)
            case .commentTooLong: return .unprocessable(error.description, fields: [.init("reason", error.description)])
            default: return .unprocessable(error.description)
            }
        case let error as PartnerError:
            switch error {
            case .invalid(let validation): return .from(validation)
            case .notAPartnerUser, .reviewRestricted, .notChannelManager: return .forbidden(error.description)
            case .unknownLead, .unknownAccount, .unknownOpportunity, .unknownFundRecord: return .notFound(error.description)
            case .invalidConfiguration: return .internalError()
            default: return .unprocessable(error.description)
            }
        case let error as RichTextError:
            return .unprocessable(error.description, fields: [.init("body", error.description)])
        case let error as TopicError:
            switch error {
            case .notAllowed: return .forbidden(error.description)
            case .unknownTopic: return .notFound(error.description)
            default: return .unprocessable(error.description)
            }
        case let error as FileError:
            return .unprocessable(error.description)
        default:
            return .internalError()
        }
    }

    /// The problem with one more refused field.
    func with(field: String, _ reason: String) -> APIProblem {
        var copy = self
        copy.invalidFields.append(.init(field, reason))
        return copy
    }
}
