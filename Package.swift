// swift-tools-version:6.1
import PackageDescription

// Layers (DESIGN.md §2), dependencies flowing one way:
// GarterSyntax → GarterCompiler → GarterRuntime → Garter → garter.
// Only the front end and the command line exist so far.
let package = Package(
    name: "Garter",
    products: [
        .library(name: "GarterSyntax", targets: ["GarterSyntax"]),
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
        .executableTarget(
            name: "garter",
            dependencies: ["GarterSyntax"]
        ),
        .testTarget(
            name: "GarterSyntaxTests",
            dependencies: ["GarterSyntax"]
        ),
    ]
)
