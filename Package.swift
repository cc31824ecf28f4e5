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
            dependencies: ["GarterSyntax", "GarterCompiler", "CZlib", "COpenSSLCrypto",
                           .product(name: "BigInt", package: "BigInt")]
        ),
        // System C libraries the native modules wrap (installed by scripts/setup.sh):
        // zlib for `zlib`, OpenSSL's libcrypto for `_hashlib`.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "COpenSSLCrypto", path: "Sources/COpenSSLCrypto"),
        .target(
            name: "GarterCompiler",
            dependencies: ["GarterSyntax", .product(name: "BigInt", package: "BigInt")]
        ),
        .executableTarget(
            name: "garter",
            dependencies: ["GarterSyntax", "GarterCompiler", "GarterRuntime"]
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
            name: "GarterRuntimeTests",
            dependencies: ["GarterRuntime", "GarterCompiler", "GarterSyntax"]
        ),
    ]
)
