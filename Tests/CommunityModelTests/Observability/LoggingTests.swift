import CommunityModel
import Testing

@Suite struct LoggingTests {
    @Test func levelsAreSwiftLogsInOrder() {
        #expect(LogLevel.allCases.map(\.rawValue) == ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        #expect(LogLevel.allCases == LogLevel.allCases.sorted())
        #expect(LogLevel.warning > .notice && LogLevel.trace < .critical)
    }

    @Test func eventNamesAreStable() {
        let names: [LogEventName] = [
            .signInFailed, .lockedOut, .csrfRejected, .formInvalid, .requestRejected, .slowRequest, .storeValidationFailed,
            .storeConflict, .storeError,
        ]
        #expect(names.map(\.rawValue) == [
            "auth.signInFailed", "auth.lockedOut", "csrf.rejected", "form.invalid", "request.rejected", "request.slow",
            "store.validationFailed",
            "store.conflict", "store.error",
        ])
        #expect(LogEventName(rawValue: "acme.quoteRejected").description == "acme.quoteRejected")
    }

    @Test(arguments: [
        "password", "newPassword", "PASSWD", "passphrase", "clientSecret", "token", "csrfToken", "_csrf", "session", "sessionID",
        "session_id", "Cookie", "set-cookie", "Authorization", "api-key", "API_KEY", "apiKey", "credentials", "private_key",
        "signature",
    ])
    func secretKeysAreRedacted(key: String) {
        let event = LogEvent(.warning, "test.event", "Something.", metadata: [key: .text("hunter2"), "site": "partners"])
        #expect(event.metadata[key] == .redacted)
        #expect(event.metadata["site"] == "partners")
        #expect(!event.description.contains("hunter2"))
    }

    @Test(arguments: ["site", "user", "action", "fields", "status", "durationMs", "kind", "entity", "reason"])
    func ordinaryKeysAreKept(key: String) {
        let event = LogEvent(.info, "test.event", "Something.", metadata: [key: .text("value")])
        #expect(event.metadata[key] == .text("value"))
        #expect(!LogRedaction.isSecretKey(key))
    }

    @Test func textIsCappedAndCleaned() {
        let long = LogValue.text(String(repeating: "a", count: 1000))
        #expect(long.description.count == LogValue.maximumTextLength + 1)
        #expect(long.description.hasSuffix("…"))
        let forged = LogValue.text("ok\nerror fake.event: injected\r\u{1B}[31m")
        #expect(!forged.description.contains("\n") && !forged.description.contains("\r") && !forged.description.contains("\u{1B}"))
        #expect(forged.description.hasPrefix("ok\u{FFFD}error"))
        #expect(LogValue.list((0..<100).map { LogValue.integer($0) }) == .list((0..<64).map { LogValue.integer($0) }))
    }

    @Test func valuesDescribeThemselves() {
        #expect(LogValue.names(["title", "company"]).description == "[company, title]")
        #expect(LogValue.integer(UInt64.max) == .integer(Int64.max))
        #expect((true as LogValue).description == "true" && (2.5 as LogValue).description == "2.5" && (7 as LogValue).description == "7")
        #expect(LogValue.redacted.description == "<redacted>")
        #expect(LogValue.milliseconds(.milliseconds(1500)) == 1500)
        #expect(LogValue.milliseconds(.seconds(-3)) == 0)
        #expect(LogValue.milliseconds(.seconds(Int64.max)) == .integer(Int64.max))
    }

    @Test(arguments: [
        ("/partners/leads", "/partners/leads"),
        ("/help/how-to-reset-your-password", "/help/how-to-reset-your-password"),
        ("/reset/Hq3vX9kLmP2rT8wZ5yB1nC4d", "/reset/:redacted"),
        ("/confirm/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "/confirm/:redacted"),
        ("/help/question/q-3kd9x0f2ab7c1m4q9z", "/help/question/:redacted"),
        ("/", "/"),
        ("", ""),
    ])
    func pathsKeepSlugsAndHideTokens(path: String, logged: String) {
        #expect(LogValue.path(path).description == logged)
    }

    @Test func theRecordingLoggerKeepsTheNewestEvents() {
        let logger = RecordingLogger(capacity: 2)
        logger.log(.info, "a.one", "One.")
        logger.log(.info, "a.two", "Two.")
        logger.log(.warning, "a.three", "Three.", metadata: ["n": 3])
        #expect(logger.events.map(\.name.rawValue) == ["a.two", "a.three"])
        #expect(logger.events(named: "a.three").first?.description == "warning a.three: Three. n=3")
        logger.removeAll()
        #expect(logger.events.isEmpty)
        SilentLogger().log(.critical, "a.four", "Nothing happens.")
    }
}
