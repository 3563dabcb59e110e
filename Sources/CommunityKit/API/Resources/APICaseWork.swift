import CommunityModel
import CommunityAccess
import CommunityContent
import CommunityEngagement
import CommunityRendering
import Foundation

/// Case attachments and case status changes through the API: the same ``CaseService`` calls,
/// site upload rules (size, accepted types, image bytes matching their type) and file service
/// the case page's forms use, as the request's viewer.
extension APIResources {
    /// The schemas of case work.
    static let caseWorkSchemas: [String: APISchema] = [
        "CaseAttachment": .object([
            APIProperty("id", .string(maxLength: 200), required: true), APIProperty("name", .string(maxLength: 255), required: true),
            APIProperty("contentType", .string(maxLength: 200), required: true), APIProperty("size", .integer(minimum: 0, maximum: Int.max), required: true),
        ]),
    ]

    /// The request body of an attachment: the file's name, declared media type and base64 bytes.
    static let attachmentBody = APISchema.object([
        APIProperty("name", .text(255), required: true, "The file's name (directories and quotes are dropped)."),
        APIProperty("contentType", .string(minLength: 3, maxLength: 100), required: true, "The media type, one the site accepts (image/png, application/pdf, text/plain…)."),
        APIProperty("content", .string(minLength: 1, maxLength: base64Length(of: SiteLimits.ceiling.maxUploadBytes), format: "byte"), required: true,
                    "The file's bytes in base64 (RFC 4648, with padding)."),
    ])

    static var caseWork: [APIEndpoint] {
        let idParameter = APIParameter.pathID("id", "The case id.")
        return [
            APIEndpoint("addCaseAttachment", .post, "/cases/{id}/attachments", summary: "Attaches a file to a case (as the case page's upload form does).",
                        tag: "cases", scope: APIScope(.cases, .write), parameters: [idParameter], body: attachmentBody, status: 201,
                        response: .reference("CaseAttachment"), allowsGuest: false, carriesFile: true) { context in
                let user = try siteMember(context)
                guard let caseID = try? ID<Case>(parsing: context.path("id")) else { throw APIProblem.notFound("No such case.") }
                // The case must be readable before anything about the upload is said.
                _ = try context.community.cases.attachments(of: caseID, viewer: user)
                let upload = try decodeUpload(context)
                let fileID = try context.community.cases.attach(
                    CaseAttachmentUpload(fileName: upload.fileName, contentType: upload.contentType, data: Data(upload.bytes)), to: caseID, by: user)
                return APIReply(status: 201, .object([
                    "id": .string(fileID), "name": .string(upload.fileName), "contentType": .string(upload.contentType),
                    "size": .number(Double(upload.size)),
                ]), headers: ["Location": Community.apiPath(of: context.site.site) + "/cases/" + caseID.rawValue + "/attachments/" + fileID])
            },
            APIEndpoint("getCaseAttachment", .get, "/cases/{id}/attachments/{fileID}", summary: "Downloads a file attached to a case.",
                        tag: "cases", scope: APIScope(.cases, .read), parameters: [idParameter, .pathID("fileID", "The attachment's id.")],
                        response: nil, allowsGuest: false, binaryResponse: true) { context in
                let user = try context.member()
                guard let caseID = try? ID<Case>(parsing: context.path("id")) else { throw APIProblem.notFound("No such case.") }
                let attached = try context.community.cases.attachments(of: caseID, viewer: user)
                let raw = context.path("fileID")
                guard attached.contains(raw), let fileID = try? ID<ContentFile>(parsing: raw), try context.community.files.canDownload(fileID, as: user) else {
                    throw APIProblem.notFound("Case \(caseID.rawValue) has no attachment \(String(raw.prefix(100))) that this viewer may download.")
                }
                let (version, data) = try context.community.files.download(fileID, by: user)
                let file = SiteFile(fileName: version.fileName, contentType: version.contentType, bytes: Array(data))
                return .file(file.bytes, headers: SiteFileRoute.headers(for: file))
            },
            APIEndpoint("changeCaseStatus", .post, "/cases/{id}/status", summary: "Moves a case to another status (agents; the lifecycle's transitions).",
                        tag: "cases", scope: APIScope(.cases, .write), parameters: [idParameter],
                        body: .object([APIProperty("status", .text(80), required: true, "A status of the site's case lifecycle (New, Working, Closed…).")]),
                        response: .reference("Record"), allowsGuest: false) { context in
                let user = try siteMember(context)
                guard context.viewer.user?.kind == .internal else { throw APIProblem.forbidden("Only agents (internal users) may change a case's status.") }
                guard let caseID = try? ID<Case>(parsing: context.path("id")) else { throw APIProblem.notFound("No such case.") }
                _ = try APIRecords.get(context, object: "Case", id: caseID.rawValue)
                let status = context.string("status") ?? ""
                do {
                    try context.community.cases.changeStatus(caseID, to: status, by: user)
                } catch CaseError.unknownStatus(let name) {
                    throw APIProblem.unprocessable(
                        "\(String(name.prefix(80))) is not a case status (known: \(context.community.cases.configuration.lifecycle.statuses.joined(separator: ", "))).",
                        fields: [.init("status", "unknown status")])
                }
                return try APIRecords.get(context, object: "Case", id: caseID.rawValue)
            },
        ]
    }

    /// The upload in a request body, checked by the site's upload rules exactly as a form's file.
    private static func decodeUpload(_ context: APIContext) throws -> UploadedFile {
        let content = context.string("content") ?? ""
        let limits = context.site.site.limits ?? .standard
        guard content.utf8.count <= base64Length(of: limits.maxUploadBytes) else {
            throw APIProblem(
                status: 413, kind: "file-too-large", title: "File too large",
                detail: "The file is larger than this site accepts (at most \(limits.maxUploadBytes) bytes).",
                invalidFields: [.init("content", "at most \(limits.maxUploadBytes) bytes")], extensions: ["limit": .number(Double(limits.maxUploadBytes))])
        }
        guard let data = Data(base64Encoded: content) else {
            throw APIProblem.invalidRequest("content is not base64.", fields: [.init("content", "not base64 (RFC 4648, with padding)")])
        }
        let declared = (context.string("contentType") ?? "").lowercased()
        let upload = UploadedFile(field: "content", fileName: context.string("name") ?? "", contentType: declared, bytes: Array(data))
        do {
            try limits.checkUpload(upload)
        } catch {
            let field = error.status == 413 || error.status == 422 ? "content" : "contentType"
            throw APIProblem(
                status: error.status == 413 ? 413 : error.status == 415 ? 415 : 422, kind: "upload-refused", title: "File not accepted",
                detail: error.description, invalidFields: [.init(field, error.description)],
                extensions: ["accepted": .array(limits.allowedUploadTypes.map(JSONValue.string))])
        }
        return upload
    }

    /// How many base64 characters `bytes` bytes take (with padding).
    static func base64Length(of bytes: Int) -> Int {
        let groups = bytes / 3 + (bytes % 3 == 0 ? 0 : 1)
        let (length, overflow) = groups.multipliedReportingOverflow(by: 4)
        return overflow ? Int.max : length
    }

    /// `a + b`, or `Int.max` when that overflows.
    static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
