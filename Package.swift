// swift-tools-version:6.1
import PackageDescription

// Layers (DESIGN.md §2), dependencies flowing one way:
// GarterSyntax → GarterCompiler → GarterRuntime → Garter → garter.
// The front end is complete; the runtime has its object-model core.
let package = Package(
    name: "Garter",
    products: [
        .library(name: "GarterSyntax", targets: ["GarterSyntax"]),
        .library(name: "GarterCompiler", targets: ["GarterCompiler"]),
        .library(name: "GarterRuntime", targets: ["GarterRuntime"]),
        .library(name: "GarterGILReport", targets: ["GarterGILReport"]),
        .library(name: "GarterSystem", targets: ["GarterSystem"]),
        .executable(name: "garter", targets: ["garter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
    ],
    targets: [
        .target(
            name: "GarterSyntax",
            dependencies: [.product(name: "BigInt", package: "BigInt")]
        ),
        .target(
            name: "GarterRuntime",
            dependencies: ["GarterSyntax", "GarterCompiler", "GarterSystem", "CZlib", "COpenSSLCrypto",
                           .product(name: "BigInt", package: "BigInt")],
            // The GIL, not Swift, serialises access to runtime objects: release
            // builds skip Swift's dynamic exclusivity checks (a swift_beginAccess
            // call, ~75 instructions, on every read of a class's `var` — 17% of
            // an attribute-heavy loop, measured with callgrind). Debug builds
            // keep them to catch real overlapping accesses.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // System C libraries the native modules wrap (installed by scripts/setup.sh):
        // zlib for `zlib`, OpenSSL's libcrypto for `_hashlib`.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "COpenSSLCrypto", path: "Sources/COpenSSLCrypto"),
        .target(
            name: "GarterCompiler",
            dependencies: ["GarterSyntax", .product(name: "BigInt", package: "BigInt")]
        ),
        // Reads GIL traces (Chrome Trace Event JSON) and draws the timeline;
        // independent of the runtime, so it builds and tests on its own.
        .target(name: "GarterGILReport", dependencies: ["GarterSystem"]),
        // The operating-system services Garter's own code needs (files, paths,
        // the environment, a large-stack thread), over Glibc: no target links
        // Foundation, whose libraries would add ~9 MB to every process's memory.
        .target(name: "GarterSystem"),
        .executableTarget(
            name: "garter",
            dependencies: ["GarterSyntax", "GarterCompiler", "GarterRuntime", "GarterGILReport", "GarterSystem"]
        ),
        .testTarget(
            name: "GarterSyntaxTests",
            dependencies: ["GarterSyntax"]
        ),
        .testTarget(
            name: "GarterCompilerTests",
            dependencies: ["GarterCompiler", "GarterSyntax"]
        ),
        .testTarget(
            name: "GarterGILReportTests",
            dependencies: ["GarterGILReport", "GarterRuntime"]
        ),
        .testTarget(
            name: "GarterRuntimeTests",
            dependencies: ["GarterRuntime", "GarterCompiler", "GarterSyntax"]
        ),
    ]
)
