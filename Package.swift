// swift-tools-version: 6.1
import PackageDescription

/// Settings every CommunityKit target shares.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "CommunityKit",
    products: [
        .library(name: "CommunityKit", targets: ["CommunityKit"]),
        .library(name: "CommunityModel", targets: ["CommunityModel"]),
        .library(name: "CommunityAccess", targets: ["CommunityAccess"]),
        .library(name: "CommunityContent", targets: ["CommunityContent"]),
        .library(name: "CommunityEngagement", targets: ["CommunityEngagement"]),
        .library(name: "CommunityRendering", targets: ["CommunityRendering"]),
        .library(name: "CommunityIdentity", targets: ["CommunityIdentity"]),
        .library(name: "CommunityAnalytics", targets: ["CommunityAnalytics"]),
        .library(name: "CommunitySQLite", targets: ["CommunitySQLite"]),
        .library(name: "CommunityPostgres", targets: ["CommunityPostgres"]),
        .library(name: "CommunityTesting", targets: ["CommunityTesting"]),
        .executable(name: "PartnerPortal", targets: ["PartnerPortal"]),
        .executable(name: "SharingBenchmark", targets: ["SharingBenchmark"]),
        .executable(name: "SearchBenchmark", targets: ["SearchBenchmark"]),
        .executable(name: "EngagementBenchmark", targets: ["EngagementBenchmark"]),
        .executable(name: "RenderBenchmark", targets: ["RenderBenchmark"]),
        .executable(name: "SignInBenchmark", targets: ["SignInBenchmark"]),
        .executable(name: "StoreBenchmark", targets: ["StoreBenchmark"]),
        .executable(name: "ReportBenchmark", targets: ["ReportBenchmark"]),
        .executable(name: "KPIBenchmark", targets: ["KPIBenchmark"]),
    ],
    targets: [
        // System SQLite, through a module map (no Swift package dependency).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // System OpenSSL libcrypto: digests, HMAC, PBKDF2, randomness, signatures (no crypto of our own).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // System PostgreSQL client library (libpq), for PostgresStore.
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),

        // Layers, bottom to top. A module imports only modules below it.
        .target(name: "CommunityModel"),
        .target(name: "CommunityAccess", dependencies: ["CommunityModel", "CCrypto"]),
        .target(name: "CommunityContent", dependencies: ["CommunityModel", "CommunityAccess", "CCrypto"]),
        // Reports and dashboards: definitions, the engine that runs them as a viewer, saved reports and CSV.
        .target(name: "CommunityAnalytics", dependencies: ["CommunityModel", "CommunityAccess"]),
        .target(
            name: "CommunityEngagement",
            dependencies: ["CommunityModel", "CommunityAccess", "CommunityContent"]
        ),
        .target(
            name: "CommunityIdentity", dependencies: ["CommunityModel", "CommunityAccess", "CCrypto"],
            resources: [.copy("Resources/common-passwords.txt"), .copy("Resources/README.md")]
        ),
        .target(
            name: "CommunityRendering",
            dependencies: [
                "CommunityModel", "CommunityAccess", "CommunityContent", "CommunityEngagement", "CommunityIdentity", "CommunityAnalytics",
            ]
        ),
        .target(name: "CommunitySQLite", dependencies: ["CommunityModel", "CSQLite"]),
        .target(name: "CommunityPostgres", dependencies: ["CommunityModel", "CPostgres"]),
        .target(
            name: "CommunityKit",
            dependencies: [
                "CommunityModel", "CommunityAccess", "CommunityContent",
                "CommunityEngagement", "CommunityIdentity", "CommunityRendering", "CommunitySQLite", "CommunityAnalytics", "CommunityPostgres",
            ]
        ),

        // Conformance suites that hosts and our own tests run against any seam.
        .target(name: "CommunityTesting", dependencies: ["CommunityModel"]),

        // The sharing workload: generator, loader, reference evaluator, runner.
        .target(name: "SharingWorkload", dependencies: ["CommunityModel", "CommunityAccess", "CommunityTesting", "CMalloc"]),

        // Executables.
        // The example's development HTTP server and the portal it serves: targets, not products.
        .target(name: "DevServer", path: "Examples/DevServer"),
        // An RS256 key that signs ID tokens as a provider would: the demo provider's and the SSO tests' (not a product).
        .target(name: "IDTokenSigning", dependencies: ["CommunityIdentity", "CCrypto"], path: "Examples/IDTokenSigning"),
        .target(name: "PartnerPortalKit", dependencies: ["CommunityKit", "CommunitySQLite", "DevServer", "IDTokenSigning"], path: "Examples/PartnerPortalKit"),
        .executableTarget(name: "PartnerPortal", dependencies: ["PartnerPortalKit"], path: "Examples/PartnerPortal"),
        .executableTarget(
            name: "SharingBenchmark",
            dependencies: ["SharingWorkload"],
            path: "Benchmarks/SharingBenchmark"
        ),
        // The search benchmark's input format, validation and metrics (tested; not a product).
        .target(name: "SearchBenchmarkKit", dependencies: ["CommunityContent"], path: "Benchmarks/SearchBenchmarkKit"),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: ["CommunityModel", "CommunityContent", "SearchBenchmarkKit"],
            path: "Benchmarks/SearchBenchmark",
            // HeldOut/: the held-out relevance set, read by path (--corpus/--queries), never bundled or tuned on.
            // compare-tantivy.sh: indexes the benchmark's exported corpus with tantivy (see the README).
            exclude: ["HeldOut", "compare-tantivy.sh"],
            resources: [.copy("Data")]
        ),
        .executableTarget(
            name: "EngagementBenchmark",
            dependencies: ["CommunityModel", "CommunityAccess", "CommunityContent", "CommunityEngagement"],
            path: "Benchmarks/EngagementBenchmark"
        ),
        .executableTarget(name: "RenderBenchmark", dependencies: ["CommunityKit", "SharingWorkload"], path: "Benchmarks/RenderBenchmark"),
        .executableTarget(name: "SignInBenchmark", dependencies: ["CommunityKit"], path: "Benchmarks/SignInBenchmark"),
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: ["CommunityModel", "CommunityAccess", "CommunitySQLite", "CommunityPostgres", "SharingWorkload", "CSQLite"],
            path: "Benchmarks/StoreBenchmark"
        ),
        .executableTarget(
            name: "ReportBenchmark",
            dependencies: ["CommunityAnalytics", "CommunityModel", "CommunityAccess", "CommunityEngagement", "SharingWorkload"],
            path: "Benchmarks/ReportBenchmark"
        ),
        .executableTarget(
            name: "KPIBenchmark", dependencies: ["CommunityModel", "CommunityEngagement"], path: "Benchmarks/KPIBenchmark"
        ),

        // Fuzzing: deterministic fuzz targets CI runs (`swift run CommunityFuzz all`), and the
        // "nothing executable" HTML checker they and its tests share. Not products.
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport"),
        .executableTarget(name: "CommunityFuzz", dependencies: ["CommunityKit", "CommunityTesting", "FuzzSupport"], path: "Tests/CommunityFuzz"),

        // Tests, one target per module.
        .testTarget(name: "CommunityModelTests", dependencies: ["CommunityModel", "CommunityTesting"]),
        .testTarget(
            name: "CommunityAccessTests",
            dependencies: ["CommunityModel", "CommunityAccess", "CommunitySQLite", "CommunityTesting", "CSQLite"]
        ),
        .testTarget(name: "SearchBenchmarkTests", dependencies: ["SearchBenchmarkKit", "CommunityContent"]),
        .testTarget(
            name: "CommunityContentTests",
            dependencies: ["CommunityModel", "CommunityAccess", "CommunityContent", "CommunityTesting"]
        ),
        .testTarget(
            name: "CommunityEngagementTests",
            dependencies: ["CommunityModel", "CommunityAccess", "CommunityContent", "CommunityEngagement", "CommunityTesting"]
        ),
        .testTarget(
            name: "CommunityRenderingTests",
            dependencies: [
                "CommunityModel", "CommunityAccess", "CommunityContent", "CommunityEngagement", "CommunityRendering", "CommunityAnalytics",
                "CommunityTesting",
            ]
        ),
        .testTarget(name: "CommunityAnalyticsTests", dependencies: ["CommunityModel", "CommunityAccess", "CommunityAnalytics", "CommunityTesting"]),
        .testTarget(name: "CommunityIdentityTests", dependencies: ["CommunityModel", "CommunityIdentity"]),
        .testTarget(
            name: "CommunitySQLiteTests",
            dependencies: ["CommunityModel", "CommunitySQLite", "CommunityTesting", "CSQLite"]
        ),
        .testTarget(name: "CommunityKitTests", dependencies: ["CommunityKit", "CommunityTesting", "IDTokenSigning"]),
        // A host process the Postgres reliability tests start several of (not a product).
        .executableTarget(
            name: "PostgresHostProbe", dependencies: ["CommunityModel", "CommunityAccess", "CommunityPostgres", "CommunityTesting"],
            path: "Tests/PostgresHostProbe"
        ),
        .testTarget(
            name: "CommunityPostgresTests",
            dependencies: ["CommunityKit", "CommunityModel", "CommunityAccess", "CommunityPostgres", "CommunityTesting", "PostgresHostProbe"]
        ),
        .testTarget(name: "FuzzSupportTests", dependencies: ["FuzzSupport"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer"]),
        .testTarget(name: "PartnerPortalTests", dependencies: ["PartnerPortalKit", "DevServer", "CommunityKit"]),
        .testTarget(
            name: "SharingWorkloadTests",
            dependencies: ["SharingWorkload", "CommunityModel", "CommunityAccess", "CommunityTesting"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
