/// The benchmark's command line.
public struct BenchmarkOptions: Sendable, Equatable {
    /// `--workload FILE.json`: load this file.
    public var workloadPath: String?
    /// `--scale small|medium|large` (also `tiny`): generate in-process.
    public var scale: String?
    /// `--seed N` (default 1).
    public var seed = 1
    /// `--json`: print one JSON object on the last line.
    public var json = false
    /// `--changes N`: changes applied per change kind (default 2).
    public var changesPerKind = 2
    /// Affected users per change whose whole listings are compared with the reference.
    public var listingVerificationsPerChange = 4
    /// `--throughput-seconds S`: how long each throughput run lasts (default 1).
    public var throughputSeconds = 1.0
    /// `--engine access|reference`: what is measured (default the access engine).
    public var engine = "access"
    /// `--write FILE.json`: also write the generated workload.
    public var writePath: String?
    /// `--footprint host|engine`: only build that and print its resident memory (the child
    /// side of ``Footprint``).
    public var footprint: Footprint.Kind?
    /// `--no-footprint`: skip the child processes that measure the host's resident memory.
    public var measuresFootprint = true

    /// The usage text.
    public static let usage = """
        usage: SharingBenchmark (--scale small|medium|large [--seed N] | --workload FILE.json)
                                [--json] [--changes N] [--throughput-seconds S]
                                [--engine access|reference] [--write FILE.json]
                                [--no-footprint | --footprint host|engine]
        """

    /// Creates the defaults.
    public init() {}

    /// Parses arguments (without the program name).
    public static func parse(_ arguments: [String]) throws(WorkloadError) -> BenchmarkOptions {
        var o = BenchmarkOptions()
        var i = 0
        func value(_ flag: String) throws(WorkloadError) -> String {
            i += 1
            guard i < arguments.count else { throw .usage("\(flag) needs a value\n\(usage)") }
            return arguments[i]
        }
        func int(_ flag: String) throws(WorkloadError) -> Int {
            let text = try value(flag)
            guard let n = Int(text), n >= 0 else { throw .usage("\(flag) needs a number, not \(text)\n\(usage)") }
            return n
        }
        while i < arguments.count {
            let flag = arguments[i]
            switch flag {
            case "--workload": o.workloadPath = try value(flag)
            case "--scale":
                let name = try value(flag)
                guard WorkloadScale.named(name) != nil else { throw .usage("unknown scale \(name)\n\(usage)") }
                o.scale = name
            case "--seed": o.seed = try int(flag)
            case "--json": o.json = true
            case "--changes": o.changesPerKind = try int(flag)
            case "--throughput-seconds":
                let text = try value(flag)
                guard let s = Double(text), s > 0 else { throw .usage("--throughput-seconds needs a positive number\n\(usage)") }
                o.throughputSeconds = s
            case "--engine":
                let name = try value(flag)
                guard name == "access" || name == "reference" else { throw .usage("unknown engine \(name)\n\(usage)") }
                o.engine = name
            case "--write": o.writePath = try value(flag)
            case "--no-footprint": o.measuresFootprint = false
            case "--footprint":
                let name = try value(flag)
                guard let kind = Footprint.Kind(rawValue: name) else { throw .usage("unknown footprint \(name)\n\(usage)") }
                o.footprint = kind
            case "--help", "-h": throw .usage(usage)
            default: throw .usage("unknown argument \(flag)\n\(usage)")
            }
            i += 1
        }
        if (o.workloadPath == nil) == (o.scale == nil) {
            throw .usage("give exactly one of --scale and --workload\n\(usage)")
        }
        return o
    }
}
