/// How heavy a child's need is. Needs start light and may escalate.
public enum Severity: Int, CaseIterable, Sendable, Codable {
    case light = 1, moderate = 2, severe = 3

    public var key: String {
        switch self {
        case .light: "light"
        case .moderate: "moderate"
        case .severe: "severe"
        }
    }
}

/// One value per severity level.
public struct PerSeverity<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var light: Value
    public var moderate: Value
    public var severe: Value

    public init(light: Value, moderate: Value, severe: Value) {
        self.light = light
        self.moderate = moderate
        self.severe = severe
    }

    public subscript(severity: Severity) -> Value {
        switch severity {
        case .light: light
        case .moderate: moderate
        case .severe: severe
        }
    }

    /// Values as an array indexed by the need code 0...3, with `none` at index 0.
    public func byNeedCode(none: Value) -> [Value] { [none, light, moderate, severe] }
}
