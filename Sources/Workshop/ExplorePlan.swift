import CareModel
import Foundation
import ScenarioIO

/// What a page asks for: a starting point and the levers it moved.
public struct ExploreRequest: Decodable, Sendable {
    /// The page's own id: a newer request from the same page cancels the older one.
    public var client: String
    public var scenario: String
    /// Lever key → value in the scenario's own unit (a fraction, not a percent).
    public var levers: [String: LeverValue]
    public var replications: Int?
    public var children: Int?

    public init(client: String, scenario: String, levers: [String: LeverValue] = [:], replications: Int? = nil, children: Int? = nil) {
        self.client = client
        self.scenario = scenario
        self.levers = levers
        self.replications = replications
        self.children = children
    }
}

/// A lever's value as JSON gives it (number, text or true/false), kept as text: the
/// scenario loader reads it as YAML, as it reads `--set key=value`.
public struct LeverValue: Decodable, Sendable, ExpressibleByStringLiteral {
    public let text: String
    public init(stringLiteral value: String) { text = value }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { text = String(b) }
        else if let d = try? c.decode(Double.self) { text = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d) }
        else { text = try c.decode(String.self) }
    }
}

/// A request checked and resolved: A (the starting point at the workshop's horizon and
/// size) and B (A with the levers), both through `ScenarioLoader`, exactly as a scenario
/// file with `--set` overrides would be.
public struct ExplorePlan: Sendable {
    public let scenarioFile: String
    public let a: ModelParameters
    public let b: ModelParameters
    public let aOverrides: [String]
    public let bOverrides: [String]
    /// The levers moved away from the starting point's value, as `key=value`.
    public let changes: [String]
    public let replications: Int
    public let stories: Int
    /// What determines A's replications (not their number: replication r is the same in a run of any size).
    var aKey: String { ([scenarioFile] + aOverrides.filter { !$0.hasPrefix("experiment.replications=") }).joined(separator: "\n") }
    public var nameA: String { a.name }
    public var nameB: String { changes.isEmpty ? "\(a.name) (unchanged)" : "\(a.name) with changes" }

    /// A page's request: its levers (only the page's levers, each a single value) on the starting point.
    public init(_ request: ExploreRequest, scenarios: ScenarioCatalogue, settings: WorkshopSettings) throws(WorkshopError) {
        guard let entry = scenarios.entry(request.scenario) else {
            throw WorkshopError(status: 400, "unknown scenario '\(request.scenario.prefix(80))'; choose one of: \(scenarios.entries.map(\.name).joined(separator: ", "))")
        }
        var base = settings.horizon
        if let children = request.children {
            guard children <= settings.maxChildren else {
                throw WorkshopError(status: 400, "children: at most \(settings.maxChildren) children per run (the workshop's cap), got \(children)")
            }
            base.append("population.children=\(children)")
        }
        var levers: [String] = []
        for key in request.levers.keys.sorted() {
            guard Lever.named(key) != nil else {
                throw WorkshopError(status: 400, "\(key.prefix(80)): not a lever of this page; the levers are \(Lever.all.map(\.key).joined(separator: ", "))")
            }
            levers.append(try Self.assignment(key, request.levers[key]!.text))
        }
        try self.init(entry: entry, base: base, changes: levers, replications: request.replications ?? settings.defaultReplications, settings: settings)
    }

    /// `key=value`, for a value that is one short line.
    static func assignment(_ key: String, _ text: String) throws(WorkshopError) -> String {
        guard text.count <= 64, !text.contains(where: \.isNewline) else {
            throw WorkshopError(status: 400, "\(key): expected a single short value, got \(text.count) characters")
        }
        return "\(key)=\(text)"
    }

    /// A and B from a starting point: A with `base`, B with `base` and `changes`, both
    /// checked by the scenario loader and against the caps.
    init(entry: ScenarioCatalogue.Entry, base: [String], changes: [String], replications n: Int, settings: WorkshopSettings) throws(WorkshopError) {
        guard (2...settings.maxReplications).contains(n) else {
            throw WorkshopError(status: 400, "replications: expected 2 to \(settings.maxReplications) (the workshop's cap), got \(n)")
        }
        let base = base + ["experiment.replications=\(n)"]
        do {
            a = try ScenarioLoader.load(path: entry.path, overrides: base).parameters
            b = try ScenarioLoader.load(path: entry.path, overrides: base + changes).parameters
        } catch {
            throw WorkshopError(status: 400, error.description)
        }
        for p in [a, b] {
            guard p.population.children <= settings.maxChildren else {
                throw WorkshopError(status: 400, "population.children: at most \(settings.maxChildren) children per run (the workshop's cap); \(p.name) has \(p.population.children)")
            }
            let years = p.horizon.end.year - p.horizon.start.year
            guard years <= settings.maxHorizonYears else {
                throw WorkshopError(status: 400, "horizon: at most \(settings.maxHorizonYears) years per run (the workshop's cap), got \(years)")
            }
        }
        scenarioFile = entry.path
        aOverrides = base
        bOverrides = base + changes
        let (a, b) = (a, b)
        self.changes = changes.filter { assignment in
            let key = String(assignment.prefix { $0 != "=" })
            return Lever.named(key).map { $0.value(in: a) != $0.value(in: b) } ?? true
        }
        replications = n
        stories = settings.stories
    }
}

/// The shipped scenarios a page may start from: the folder's YAML files that load at
/// the workshop's horizon and fit its population cap (listed once, at start-up; a
/// request names one of them, never a path).
public struct ScenarioCatalogue: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let path: String
        public let description: String
        public let parameters: ModelParameters
    }
    public let entries: [Entry]

    public init(folder: String, settings: WorkshopSettings) throws(WorkshopError) {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw WorkshopError(status: 500, "cannot read the scenarios folder \(folder): \(error.localizedDescription)")
        }
        var entries: [Entry] = []
        for file in files.sorted() where file.hasSuffix(".yaml") {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
            guard let p = try? ScenarioLoader.load(path: path, overrides: settings.horizon).parameters,
                  p.population.children <= settings.maxChildren else { continue }
            entries.append(Entry(name: String(file.dropLast(5)), path: path, description: p.description, parameters: p))
        }
        guard !entries.isEmpty else { throw WorkshopError(status: 500, "no scenario in \(folder) loads within the workshop's caps") }
        // The baseline first: it is where a workshop usually starts.
        self.entries = entries.filter { $0.name == "baseline" } + entries.filter { $0.name != "baseline" }
    }

    public func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
