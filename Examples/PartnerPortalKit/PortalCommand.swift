/// What `swift run PartnerPortal …` was asked to do, parsed from the arguments.
enum PortalCommand: Equatable {
    /// Run the scenarios and export the site as static files.
    case walkthrough(out: String)
    /// Serve both sites over HTTP; `store` is a SQLite file, or a PostgreSQL URL (`--postgres`).
    case serve(port: UInt16, store: String?, outbox: String?)
    /// Explain a user's access to a record.
    case explain(user: String, record: String)
    /// Time JSON API requests against the Swift calls they wrap.
    case apiLatency(iterations: Int)
    /// Print the usage.
    case help

    /// The usage text.
    static let usage = """
        usage: PartnerPortal [--out DIR]
               PartnerPortal serve [--port N] [--store|--db FILE.sqlite | --postgres URL] [--outbox FILE.jsonl]
               PartnerPortal explain --user NAME --record ID
               PartnerPortal api-latency [--iterations N]
               PartnerPortal --help

          (no command)  run the walkthrough and write what each persona sees to DIR
                        (default partner-portal-site; emptied first if it is an earlier export)
          serve         serve /partners, /help and /manage on http://127.0.0.1:N/ (default port 8080),
                        in memory, or in a SQLite file seeded on first use; every persona
                        signs in with the printed demo password; reset and verification
                        mail is printed and, with --outbox, appended to FILE as JSON lines;
                        with a SQLite file, the access engine's checkpoint is kept in
                        FILE.access-checkpoint (every 5 minutes and on Ctrl-C) and loaded
                        on the next start; with --postgres postgresql://…, on PostgreSQL,
                        where several serve processes (hosts) share one database; Ctrl-C stops
          explain       say why a user can or cannot see a record
          api-latency   time JSON API requests through handle against the Swift calls they
                        wrap (a record read and a knowledge search, as pat; default 2000 each)
        """

    /// A command line that does not parse, and why.
    struct UsageError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> PortalCommand {
        if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" { return .help }
        var rest = arguments[...]
        let command = rest.first.flatMap { $0.hasPrefix("-") ? nil : $0 }
        if command != nil { rest = rest.dropFirst() }
        let options = try Self.options(rest, allowed: allowed(for: command))
        switch command {
        case nil:
            return .walkthrough(out: options["--out"] ?? "partner-portal-site")
        case "serve":
            var port: UInt16 = 8080
            if let text = options["--port"] {
                guard let value = UInt16(text) else { throw UsageError(description: "--port takes a number from 0 to 65535, not \(text)") }
                port = value
            }
            if options["--store"] != nil, options["--db"] != nil { throw UsageError(description: "give --store or --db, not both") }
            if let url = options["--postgres"] {
                guard options["--store"] == nil, options["--db"] == nil else {
                    throw UsageError(description: "give --store or --postgres, not both")
                }
                guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
                    throw UsageError(description: "--postgres takes a URL such as postgresql://user@host:5432/db, not \(url)")
                }
                return .serve(port: port, store: url, outbox: options["--outbox"])
            }
            return .serve(port: port, store: options["--store"] ?? options["--db"], outbox: options["--outbox"])
        case "explain":
            guard let user = options["--user"], let record = options["--record"] else {
                throw UsageError(description: "explain needs --user NAME and --record ID")
            }
            return .explain(user: user, record: record)
        case "api-latency":
            let text = options["--iterations"] ?? "2000"
            guard let iterations = Int(text), (1...100_000).contains(iterations) else {
                throw UsageError(description: "--iterations takes a number from 1 to 100000, not \(text)")
            }
            return .apiLatency(iterations: iterations)
        case let other?:
            throw UsageError(description: "unknown command \(other)")
        }
    }

    private static func allowed(for command: String?) -> Set<String> {
        switch command {
        case nil: ["--out"]
        case "serve": ["--port", "--store", "--db", "--postgres", "--outbox"]
        case "explain": ["--user", "--record"]
        case "api-latency": ["--iterations"]
        default: []
        }
    }

    private static func options(_ arguments: ArraySlice<String>, allowed: Set<String>) throws(UsageError) -> [String: String] {
        var out: [String: String] = [:]
        var rest = arguments
        while let name = rest.first {
            rest = rest.dropFirst()
            guard allowed.contains(name) else { throw UsageError(description: "unknown argument \(name)") }
            guard let value = rest.first, !value.hasPrefix("--") else { throw UsageError(description: "\(name) needs a value") }
            guard out[name] == nil else { throw UsageError(description: "\(name) given twice") }
            out[name] = value
            rest = rest.dropFirst()
        }
        return out
    }
}

extension PortalCommand {
    /// Whether a `serve` store names a PostgreSQL database rather than a SQLite file.
    static func isPostgresURL(_ store: String) -> Bool { store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") }
}
