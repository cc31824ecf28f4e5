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
            dependencies: ["GarterSyntax", "GarterCompiler", .product(name: "BigInt", package: "BigInt")]
        ),
        .target(
            name: "GarterCompiler",
            dependencies: ["GarterSyntax", .product(name: "BigInt", package: "BigInt")]
        ),
        // Reads GIL traces (Chrome Trace Event JSON) and draws the timeline;
        // independent of the runtime, so it builds and tests on its own.
        .target(name: "GarterGILReport"),
        .executableTarget(
            name: "garter",
            dependencies: ["GarterSyntax", "GarterCompiler", "GarterRuntime", "GarterGILReport"]
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
