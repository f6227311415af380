/// Where a value came from: a line of a scenario file, or a `--set` on the command line.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based; 0 for values given on the command line.
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func commandLine(_ assignment: String) -> SourceLocation {
        SourceLocation(file: "--set \(assignment)", line: 0, column: 0)
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// A scenario that cannot be used, with where and why. Exit code 2.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let location: SourceLocation
    /// Dotted key path, e.g. "budget.cut.fraction" ("" for the whole file).
    public let keyPath: String
    public let message: String

    public init(_ location: SourceLocation, _ keyPath: String, _ message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}
