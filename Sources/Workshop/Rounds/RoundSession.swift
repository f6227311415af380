import CareModel
import Foundation
import Synchronization

/// A flight-simulator session: the facilitator opens it with a code, groups join from
/// their own browsers, and from the transfer year the simulation stops at each
/// 1 January. Each group sets that year's decisions; when the facilitator plays the
/// round, every group's path is simulated again from the start with its decisions so
/// far (`DecisionOverrides`), on the same random history (common random numbers), so
/// groups differ by their decisions alone. A is the starting point without decisions.
public final class RoundSession: Sendable {
    public struct Group: Sendable, Encodable {
        public let id: Int
        public let name: String
        /// Per year played or being decided: every round lever's value (scenario units).
        public var decisions: [Int: [String: String]]
        /// The comparison of each played year (A against this group's path up to that year).
        public var runs: [Int: String]
    }

    public let code: String
    /// Only the facilitator's screen knows it: it plays rounds and reads the debrief.
    public let facilitatorKey: String
    public let entry: ScenarioCatalogue.Entry
    /// The budget years played, one round each.
    public let years: [Int]
    public let replications: Int

    struct State {
        var groups: [Group] = []
        var tokens: [String: Int] = [:]
        /// Index into `years` of the round being decided (== years.count: the debrief).
        var round = 0
        /// The comparisons of the played rounds, kept with the session (not only in the server's recent runs).
        var runs: [String: LiveComparison] = [:]
        /// Wall-clock time, so that a session read back after a restart expires on time.
        var lastUsed = Date()
    }
    let state = Mutex(State())

    init(code: String, entry: ScenarioCatalogue.Entry, rounds: Int, replications: Int) {
        self.code = code
        facilitatorKey = UUID().uuidString
        self.entry = entry
        let first = entry.parameters.policies.transition.date.year
        let last = entry.parameters.horizon.end.year - 1
        years = Array(first...max(first, min(last, first + rounds - 1)))
        self.replications = replications
    }

    /// A session read back from its file (`SessionStore`); its played paths are not kept
    /// (they are simulated again from the decisions).
    init(_ record: SessionStore.Record, entry: ScenarioCatalogue.Entry) {
        code = record.code
        facilitatorKey = record.facilitatorKey
        self.entry = entry
        years = record.years
        replications = record.replications
        state.withLock { s in
            s.groups = record.groups.map { g in
                Group(id: g.id, name: g.name,
                      decisions: Dictionary(uniqueKeysWithValues: g.decisions.compactMap { y, v in Int(y).map { ($0, v) } }), runs: [:])
            }
            s.tokens = record.tokens
            s.round = min(max(0, record.round), record.years.count)
            s.lastUsed = record.lastUsed
        }
    }

    /// What `SessionStore` keeps of this session now.
    var record: SessionStore.Record {
        state.withLock { s in
            SessionStore.Record(code: code, facilitatorKey: facilitatorKey, scenario: entry.name, years: years, replications: replications,
                                round: s.round,
                                groups: s.groups.map { .init(id: $0.id, name: $0.name,
                                                             decisions: Dictionary(uniqueKeysWithValues: $0.decisions.map { (String($0.key), $0.value) })) },
                                tokens: s.tokens, lastUsed: s.lastUsed)
        }
    }

    /// The starting point's value of every round lever: what a group has decided until it changes something.
    var startingValues: [String: String] {
        Dictionary(uniqueKeysWithValues: DecisionOverrides.levers.map { ($0.key, $0.value(in: entry.parameters)) })
    }

    func run(_ id: String) -> LiveComparison? { state.withLock { $0.runs[id] } }

    func touch() { state.withLock { $0.lastUsed = Date() } }

    var idleSeconds: Double { Date().timeIntervalSince(state.withLock { $0.lastUsed }) }

    /// A new group; its token is its key for sending decisions.
    func join(name: String) throws(WorkshopError) -> (group: Group, token: String) {
        let cleaned = String(name.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40))
        guard !cleaned.isEmpty else { throw WorkshopError(status: 400, "name: give the group a name") }
        return try state.withLock { (s: inout State) throws(WorkshopError) -> (Group, String) in
            guard s.groups.count < 12 else { throw WorkshopError(status: 409, "this session is full (12 groups)") }
            guard !s.groups.contains(where: { $0.name == cleaned }) else { throw WorkshopError(status: 409, "a group called \(cleaned) has joined already") }
            let group = Group(id: s.groups.count + 1, name: cleaned, decisions: [:], runs: [:])
            let token = UUID().uuidString
            s.groups.append(group)
            s.tokens[token] = group.id
            return (group, token)
        }
    }

    func group(token: String) throws(WorkshopError) -> Int {
        guard let id = state.withLock({ $0.tokens[token] }) else { throw WorkshopError(status: 403, "unknown group token: join the session first") }
        return id
    }

    /// The decisions of a group for every year up to `index`, a missing year taking the year before (or the starting point).
    func decisionsSoFar(_ group: Group, through index: Int) -> [(year: Int, values: [String: String])] {
        var current = startingValues
        var out: [(year: Int, values: [String: String])] = []
        for year in years.prefix(index + 1) {
            current.merge(group.decisions[year] ?? [:]) { _, new in new }
            out.append((year, current))
        }
        return out
    }

    /// The comparison plan of a group's path through round `index`: A and B end on the 1 January after that year.
    func plan(_ group: Group, through index: Int, settings: WorkshopSettings) throws(WorkshopError) -> ExplorePlan {
        let end = "horizon.end=\(years[index] + 1)-01-01"
        return try ExplorePlan(entry: entry, base: settings.horizon.filter { !$0.hasPrefix("horizon.end=") } + [end],
                               changes: DecisionOverrides.overrides(decisionsSoFar(group, through: index), starting: startingValues,
                                                                    horizonStart: entry.parameters.horizon.start),
                               replications: replications, settings: settings)
    }

    /// Records a group's decisions for the round being decided, after checking them as
    /// the scenario loader checks a scenario file.
    func decide(token: String, levers: [String: LeverValue], settings: WorkshopSettings) throws(WorkshopError) {
        let id = try group(token: token)
        var values: [String: String] = [:]
        for (key, value) in levers {
            guard DecisionOverrides.levers.contains(where: { $0.key == key }) else {
                throw WorkshopError(status: 400, "\(key.prefix(80)): not a decision of this session; the decisions are \(DecisionOverrides.levers.map(\.key).joined(separator: ", "))")
            }
            values[key] = String(try ExplorePlan.assignment(key, value.text).drop { $0 != "=" }.dropFirst())
        }
        let (round, current) = state.withLock { s in (s.round, s.groups[id - 1]) }
        guard round < years.count else { throw WorkshopError(status: 409, "the session is over: every round has been played") }
        var trial = current
        trial.decisions[years[round], default: [:]].merge(values) { _, new in new }
        _ = try plan(trial, through: round, settings: settings)
        state.withLock { s in
            if s.round == round { s.groups[id - 1].decisions[years[round], default: [:]].merge(values) { _, new in new } }
        }
    }
}
