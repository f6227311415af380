import CareModel
import Foundation
import Hummingbird
import Reporting
import Stochastics

/// The flight-simulator mode's API:
///
///     POST /api/sessions                         open a session {scenario, rounds?, replications?} → {code, key}
///     POST /api/sessions/{code}/join             a group joins {name} → {group, token}
///     POST /api/sessions/{code}/decisions        a group's decisions for this year {token, levers}
///     POST /api/sessions/{code}/play             the facilitator plays the year {key}
///     GET  /api/sessions/{code}?key=             the session: rounds, groups, decisions, runs (and, with the key, every path)
///     GET  /api/sessions/{code}/debrief?key=&measure=   the ranking; debrief.csv and report.html beside it
extension Workshop {
    public func openSession(scenario: String, rounds: Int?, replications: Int?) throws(WorkshopError) -> RoundSession {
        guard let entry = scenarios.entry(scenario) else { throw WorkshopError(status: 400, "unknown scenario '\(scenario.prefix(80))'") }
        let rounds = rounds ?? 5
        guard (1...10).contains(rounds) else { throw WorkshopError(status: 400, "rounds: expected 1 to 10, got \(rounds)") }
        let n = replications ?? 6
        guard (2...settings.maxReplications).contains(n) else {
            throw WorkshopError(status: 400, "replications: expected 2 to \(settings.maxReplications) (the workshop's cap), got \(n)")
        }
        expireSessions()
        let session = sessions.withLock { s in
            var code: String
            repeat { code = String((0..<5).map { _ in "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".randomElement()! }) } while s[code] != nil
            let session = RoundSession(code: code, entry: entry, rounds: rounds, replications: n)
            s[code] = session
            return session
        }
        store.save(session)
        return session
    }

    public func session(_ code: String) throws(WorkshopError) -> RoundSession {
        expireSessions()
        guard let session = sessions.withLock({ $0[code.uppercased()] }) else {
            throw WorkshopError(status: 404, "no session \(code.prefix(12)) (check the code; sessions expire after \(Int(settings.expirySeconds / 3600)) hours unused)")
        }
        session.touch()
        return session
    }

    /// Sessions expire: those unused for longer than the expiry are forgotten, and their files deleted.
    func expireSessions() {
        let expired = sessions.withLock { s in
            let old = s.filter { $0.value.idleSeconds >= settings.expirySeconds }.map(\.key)
            for code in old { s[code] = nil }
            return old
        }
        for code in expired { store.remove(code) }
    }

    /// Reads the sessions kept on disk when the server starts: expired ones (and those of a
    /// starting point no longer offered) are deleted; the others go on where they were,
    /// their played paths simulated again from the decisions so far.
    func restoreSessions() {
        for record in store.load() {
            guard let entry = scenarios.entry(record.scenario), Date().timeIntervalSince(record.lastUsed) < settings.expirySeconds else {
                store.remove(record.code)
                continue
            }
            let session = RoundSession(record, entry: entry)
            sessions.withLock { $0[session.code] = session }
            let round = session.state.withLock { $0.round }
            if round > 0 { try? replay(session, through: round - 1) }
        }
    }

    /// Simulates every group's path through round `index` (the latest played) and keeps the runs with the session.
    func replay(_ session: RoundSession, through index: Int) throws(WorkshopError) {
        let groups = session.state.withLock { $0.groups }
        var started: [(Int, LiveComparison)] = []
        for group in groups {
            let plan = try session.plan(group, through: index, settings: settings)
            let run = try submit(plan, client: "session-\(session.code)-\(group.id)", admitBeyondLimit: true)
            started.append((group.id, run))
        }
        session.state.withLock { s in
            // Only the latest round's runs are kept: each holds the whole path so far.
            s.runs = [:]
            for (id, run) in started {
                s.groups[id - 1].runs[session.years[index]] = run.id
                s.runs[run.id] = run
            }
        }
    }

    func checkFacilitator(_ session: RoundSession, _ key: String?) throws(WorkshopError) {
        guard key == session.facilitatorKey else { throw WorkshopError(status: 403, "only the facilitator's screen can do this") }
    }

    /// Plays the round being decided: every group's path through this year, on the pool.
    public func play(_ session: RoundSession, key: String?) throws(WorkshopError) {
        try checkFacilitator(session, key)
        let (round, groups) = session.state.withLock { ($0.round, $0.groups) }
        guard round < session.years.count else { throw WorkshopError(status: 409, "every round has been played") }
        guard !groups.isEmpty else { throw WorkshopError(status: 409, "no group has joined yet") }
        try replay(session, through: round)
        session.state.withLock { $0.round = round + 1 }
        store.save(session)
    }

    struct SessionView: Encodable {
        struct GroupView: Encodable {
            let id: Int
            let name: String
            let decisions: [String: [String: String]]
            /// The latest played year's comparison: id, status and pairs done.
            let run: String?
            let status: String?
            let pairs: Int?
        }
        let code: String
        let scenario: String
        let years: [Int]
        /// The year being decided (nil: the session is over).
        let year: Int?
        let played: [Int]
        let levers: [Lever]
        let startingValues: [String: String]
        let replications: Int
        let groups: [GroupView]
        /// With the facilitator's key, when every group's latest run is done: all paths overlaid, and each group against A.
        let figures: [Snapshot.Figure]?
    }

    func view(_ session: RoundSession, key: String?) throws -> SessionView {
        let (round, groups) = session.state.withLock { ($0.round, $0.groups) }
        let played = Array(session.years.prefix(round))
        var views: [SessionView.GroupView] = []
        var latest: [LiveComparison] = []
        for g in groups {
            let id = played.last.flatMap { g.runs[$0] }
            let run = id.flatMap { session.run($0) }
            if let run { latest.append(run) }
            views.append(.init(id: g.id, name: g.name, decisions: Dictionary(uniqueKeysWithValues: g.decisions.map { (String($0.key), $0.value) }),
                               run: id, status: run?.status.rawValue, pairs: run?.pairs().a.count))
        }
        var figures: [Snapshot.Figure]?
        if key == session.facilitatorKey, !latest.isEmpty, latest.count == groups.count, latest.allSatisfy({ $0.status == .done }) {
            figures = try CompareReport.figures(pathsData(latest, groups)).map { Snapshot.Figure($0) }
        }
        return SessionView(code: session.code, scenario: session.entry.name, years: session.years,
                           year: round < session.years.count ? session.years[round] : nil, played: played,
                           levers: DecisionOverrides.levers, startingValues: session.startingValues,
                           replications: session.replications,
                           groups: views, figures: figures)
    }

    /// A (no decisions) and each group's path, as the report reads them.
    func pathsData(_ runs: [LiveComparison], _ groups: [RoundSession.Group]) -> [ReportData] {
        let a = runs[0].pairs().a
        return [ReportData(scenario: "A: \(runs[0].plan.a.name), no decisions", results: a)]
            + zip(runs, groups).map { ReportData(scenario: $1.name, results: $0.pairs().b) }
    }

    struct Debrief: Encodable {
        struct Row: Encodable {
            let rank: Int
            let group: String
            let value: Double
            let lower: Double
            let upper: Double
            /// Per year played: the decisions in the page's units.
            let decisions: [String]
        }
        let measure: String
        let label: String
        let unit: String
        let measures: [[String]]
        let rows: [Row]
    }

    /// The played years' outcomes per group, ranked on `measure` (lower is better for every measure offered).
    func debrief(_ session: RoundSession, key: String?, measure: String) throws -> (Debrief, [ReportData], [RoundSession.Group]) {
        try checkFacilitator(session, key)
        let (round, groups) = session.state.withLock { ($0.round, $0.groups) }
        guard round > 0, let last = session.years.prefix(round).last else { throw WorkshopError(status: 409, "no round has been played yet") }
        let runs = try groups.map { g throws(WorkshopError) in
            guard let run = g.runs[last].flatMap({ session.run($0) }) else {
                throw WorkshopError(status: 409, "\(g.name) joined after the last round was played")
            }
            return run
        }
        guard runs.allSatisfy({ $0.status == .done }) else { throw WorkshopError(status: 409, "the last round is still being simulated") }
        guard let q = CompareReport.quantities.first(where: { $0.name == measure }) else {
            throw WorkshopError(status: 400, "measure: expected one of \(CompareReport.quantities.map(\.name).joined(separator: ", "))")
        }
        let data = pathsData(runs, groups)
        var rows: [(String, SummaryStatistics, [String])] = []
        for (k, g) in groups.enumerated() {
            let stats = SummaryStatistics(CompareReport.overall(q, data[k + 1]))
            let decisions = session.decisionsSoFar(g, through: round - 1).map { d in
                "\(d.year): " + DecisionOverrides.levers.map { lever in
                    let v = d.values[lever.key] ?? ""
                    if lever.control == .slider { return "\(lever.label.lowercased()) \(ReportPage.number((Double(v) ?? .nan) * lever.scale))" }
                    return "\(lever.label.lowercased()): \(lever.options.first { $0.value == v }?.label ?? v)"
                }.joined(separator: ", ")
            }
            rows.append((g.name, stats, decisions))
        }
        rows.sort { $0.1.mean < $1.1.mean }
        let debrief = Debrief(measure: q.name, label: q.label, unit: q.unit,
                              measures: CompareReport.quantities.map { [$0.name, $0.label] },
                              rows: rows.enumerated().map { k, r in
                                  .init(rank: k + 1, group: r.0, value: r.1.mean, lower: r.1.lower95.isNaN ? r.1.mean : r.1.lower95,
                                        upper: r.1.upper95.isNaN ? r.1.mean : r.1.upper95, decisions: r.2)
                              })
        return (debrief, data, groups)
    }

    /// debrief.csv: one row per group and year played: the decisions (scenario units) and the year's outcomes (means over replications).
    func debriefCSV(_ session: RoundSession, data: [ReportData], groups: [RoundSession.Group]) -> String {
        let levers = DecisionOverrides.levers
        let quantities = CompareReport.quantities
        var out = CSVFormat.header(["group", "year"] + levers.map(\.key) + quantities.map(\.name))
        let round = session.state.withLock { $0.round }
        for (k, g) in groups.enumerated() {
            let d = data[k + 1]
            let decisions = session.decisionsSoFar(g, through: round - 1)
            for (year, periods) in d.budgetYears {
                let chosen = decisions.last { $0.year <= year }?.values ?? session.startingValues
                let outcomes = quantities.map { q in
                    (0..<d.replications).map { q.value(d, $0, periods) }.reduce(0, +) / Double(max(1, d.replications))
                }
                out += CSVFormat.row([g.name, String(year)] + levers.map { chosen[$0.key] ?? "" } + outcomes.map { CSVFormat.number($0) })
            }
        }
        return out
    }

    func addRoundRoutes(_ router: Router<BasicRequestContext>) {
        struct Open: Decodable { let scenario: String; let rounds: Int?; let replications: Int? }
        struct Join: Decodable { let name: String }
        struct Decide: Decodable { let token: String; let levers: [String: LeverValue] }
        struct Play: Decodable { let key: String }
        router.post("/api/sessions") { request, _ in
            try await Self.answering {
                let open: Open = try await Self.decode(request, limit: self.settings.maxBodyBytes)
                let session = try self.openSession(scenario: open.scenario, rounds: open.rounds, replications: open.replications)
                return try Self.json(["code": session.code, "key": session.facilitatorKey], status: .created)
            }
        }
        router.post("/api/sessions/{code}/join") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                let join: Join = try await Self.decode(request, limit: self.settings.maxBodyBytes)
                let (group, token) = try session.join(name: join.name)
                self.store.save(session)
                return try Self.json(["group": String(group.id), "name": group.name, "token": token], status: .created)
            }
        }
        router.post("/api/sessions/{code}/decisions") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                let decide: Decide = try await Self.decode(request, limit: self.settings.maxBodyBytes)
                try session.decide(token: decide.token, levers: decide.levers, settings: self.settings)
                self.store.save(session)
                return try Self.json(["saved": true])
            }
        }
        router.post("/api/sessions/{code}/play") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                let play: Play = try await Self.decode(request, limit: self.settings.maxBodyBytes)
                try self.play(session, key: play.key)
                return try Self.json(["played": true])
            }
        }
        router.get("/api/sessions/{code}") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                return try Self.json(try self.view(session, key: request.uri.queryParameters["key"].map(String.init)))
            }
        }
        router.get("/api/sessions/{code}/debrief") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                let measure = request.uri.queryParameters["measure"].map(String.init) ?? "extra_municipal_eur"
                return try Self.json(try self.debrief(session, key: request.uri.queryParameters["key"].map(String.init), measure: measure).0)
            }
        }
        router.get("/api/sessions/{code}/debrief.csv") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                let (_, data, groups) = try self.debrief(session, key: request.uri.queryParameters["key"].map(String.init), measure: "extra_municipal_eur")
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                       .contentDisposition: "attachment; filename=\"debrief-\(session.code).csv\""],
                                body: .init(byteBuffer: ByteBuffer(string: self.debriefCSV(session, data: data, groups: groups))))
            }
        }
        router.get("/api/sessions/{code}/report.html") { request, context in
            try await Self.answering {
                let session = try self.session(context.parameters.get("code") ?? "")
                let (_, data, _) = try self.debrief(session, key: request.uri.queryParameters["key"].map(String.init), measure: "extra_municipal_eur")
                let html = try CompareReport.files(data).first { $0.name == "report.html" }!.contents
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8",
                                                       .contentDisposition: "attachment; filename=\"debrief-\(session.code).html\""],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
            }
        }
        router.get("/rounds") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: RoundsPage.html)))
        }
    }
}
