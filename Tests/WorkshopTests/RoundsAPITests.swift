import CareModel
import Foundation
import Hummingbird
import HummingbirdTesting
import Reporting
import Testing
@testable import Workshop

/// The flight-simulator mode through its API: a session, two groups, two rounds, the
/// debrief and its exports; and that playing a year again reproduces the years before.
@Suite(.serialized) struct RoundsAPITests {
    static func post(_ client: some TestClientProtocol, _ uri: String, _ object: [String: Any]) async throws -> (Int, [String: Any]) {
        let r = try await client.execute(uri: uri, method: .post, body: WorkshopAPITests.body(object))
        return (Int(r.status.code), WorkshopAPITests.json(r))
    }

    static func waitForRound(_ session: RoundSession) async throws {
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            let runs = session.state.withLock { Array($0.runs.values) }
            if !runs.isEmpty && runs.allSatisfy({ $0.status == .done }) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the round did not finish")
    }

    @Test func twoGroupsPlayTwoRoundsAndTheDebriefRanksThem() async throws {
        let workshop = try Workshop(settings: WorkshopAPITests.settings())
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            let (status, opened) = try await Self.post(client, "/api/sessions", ["scenario": "baseline", "rounds": 2, "replications": 2])
            #expect(status == 201)
            let code = try #require(opened["code"] as? String), key = try #require(opened["key"] as? String)
            let red = try await Self.post(client, "/api/sessions/\(code)/join", ["name": "Red"])
            let blue = try await Self.post(client, "/api/sessions/\(code)/join", ["name": "Blue"])
            #expect(red.0 == 201 && blue.0 == 201)
            let sameName = try await Self.post(client, "/api/sessions/\(code)/join", ["name": "Red"]).0
            #expect(sameName == 409)
            let redToken = try #require(red.1["token"] as? String), blueToken = try #require(blue.1["token"] as? String)

            // Decisions are checked as scenario values are.
            let bad = try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": redToken, "levers": ["budget.cut.fraction": 2]])
            #expect(bad.0 == 400 && (bad.1["error"] as? String ?? "").contains("budget.cut"), "\(bad.1)")
            let notOne = try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": redToken, "levers": ["population.children": 5]])
            #expect(notOne.0 == 400)
            let forged = try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": "forged", "levers": [:]]).0
            #expect(forged == 403)
            let redDecides = try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": redToken, "levers": ["budget.cut.fraction": 0.2]]).0
            #expect(redDecides == 200)
            #expect(try await Self.post(client, "/api/sessions/\(code)/decisions",
                                        ["token": blueToken, "levers": ["budget.cut.fraction": 0.2, "policies.coordination.enabled": true]]).0 == 200)

            // Only the facilitator plays.
            let guessedKey = try await Self.post(client, "/api/sessions/\(code)/play", ["key": "guess"]).0
            #expect(guessedKey == 403)
            let played = try await Self.post(client, "/api/sessions/\(code)/play", ["key": key]).0
            #expect(played == 200)
            let session = try workshop.session(code)
            try await Self.waitForRound(session)
            let firstRound = session.state.withLock { s in s.groups.map { s.runs[$0.runs[2015]!]! } }

            let view = WorkshopAPITests.json(try await client.execute(uri: "/api/sessions/\(code)?key=\(key)", method: .get))
            #expect(view["year"] as? Int == 2016)
            #expect((view["figures"] as? [Any])?.isEmpty == false, "the facilitator sees every path")
            let groupView = WorkshopAPITests.json(try await client.execute(uri: "/api/sessions/\(code)", method: .get))
            #expect(groupView["figures"] == nil, "groups do not get the facilitator's screen")

            // Round 2: Red eases the cut and raises the team's share; Blue decides nothing (keeps 2015's decisions).
            let redDecidesAgain = try await Self.post(client, "/api/sessions/\(code)/decisions",
                                              ["token": redToken, "levers": ["budget.cut.fraction": 0.1, "services.neighbourhood_team.budget_share": 0.09]]).0
            #expect(redDecidesAgain == 200)
            let playedAgain = try await Self.post(client, "/api/sessions/\(code)/play", ["key": key]).0
            #expect(playedAgain == 200)
            try await Self.waitForRound(session)
            let secondRound = session.state.withLock { s in s.groups.map { s.runs[$0.runs[2016]!]! } }
            #expect(secondRound[0].plan.b.budget.cut.schedule == [0.2, 0.1])
            #expect(secondRound[1].plan.b.budget.cut.schedule == [0.2, 0.2])
            #expect(!secondRound[1].plan.b.policies.coordination.enabled && secondRound[1].plan.b.dated?.changes.last?.parameters.policies.coordination.enabled == true,
                    "the coordinator from 2015 (a dated choice), none before")
            #expect(secondRound[0].plan.bOverrides.contains { $0.hasPrefix("services.neighbourhood_team.budget_share={values: {2010-01-01: 0.07, 2016-01-01: 0.09}") })
            let thirdRound = try await Self.post(client, "/api/sessions/\(code)/play", ["key": key]).0
            #expect(thirdRound == 409, "only two rounds")

            // Simulated again from the start (with 2016's decisions dated), Red's 2015 is what was played in round 1 (common random numbers).
            let m = MetricCatalog.index("spending_total_eur")
            for (before, after) in zip(firstRound[0].pairs().b, secondRound[0].pairs().b) {
                let year2015 = before.rows.indices.filter { before.rows[$0].periodStart.year == 2015 }
                #expect(year2015.map { before.rows[$0].values[m] } == year2015.map { after.rows[$0].values[m] })
            }

            let debrief = WorkshopAPITests.json(try await client.execute(uri: "/api/sessions/\(code)/debrief?key=\(key)&measure=extra_municipal_eur", method: .get))
            let rows = debrief["rows"] as? [[String: Any]] ?? []
            #expect(rows.count == 2)
            #expect((rows.first?["value"] as? Double ?? .nan) <= (rows.last?["value"] as? Double ?? .nan))
            #expect((rows.first?["decisions"] as? [String])?.count == 2)
            let csv = try await client.execute(uri: "/api/sessions/\(code)/debrief.csv?key=\(key)", method: .get)
            let lines = String(buffer: csv.body).split(separator: "\n")
            #expect(lines.first?.hasPrefix("group,year,budget.cut.fraction,") == true)
            // Each group's reported years 2013-2016.
            #expect(lines.count == 1 + 2 * 4, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("Red,2016,0.1,") })
            let report = try await client.execute(uri: "/api/sessions/\(code)/report.html?key=\(key)", method: .get)
            #expect(report.status == .ok && String(buffer: report.body).contains("<svg"))
            let wrongKey = try await client.execute(uri: "/api/sessions/\(code)/debrief?key=wrong", method: .get).status
            #expect(wrongKey == .forbidden)
            let noSession = try await client.execute(uri: "/api/sessions/NOPE1", method: .get).status
            #expect(noSession == .notFound)
            let page = try await client.execute(uri: "/rounds", method: .get).status
            #expect(page == .ok)
        }
    }

    /// Rows before `year`, bit for bit, for every replication of B.
    static func samePast(_ before: LiveComparison, _ after: LiveComparison, before year: Int) -> Bool {
        let a = before.pairs().b, b = after.pairs().b
        return a.count == b.count && zip(a, b).allSatisfy { x, y in
            let rows = x.rows.indices.filter { x.rows[$0].periodStart.year < year }
            // The stays begun in a year are counted when they end, so a later choice may change them.
            return !rows.isEmpty && rows.allSatisfy { MetricCatalog.sameWhenClosed(x.rows[$0].values, y.rows[$0].values) }
        }
    }

    /// Choices are dated too: a group that rations, pays per trajectory and has a coordinator
    /// in 2015 and changes all three in 2016 keeps 2015 exactly as it was shown after round 1.
    @Test func aChoiceChangedInALaterRoundLeavesTheYearsPlayedAsTheyWere() async throws {
        let workshop = try Workshop(settings: WorkshopAPITests.settings())
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            let opened = try await Self.post(client, "/api/sessions", ["scenario": "baseline", "rounds": 2, "replications": 2]).1
            let code = try #require(opened["code"] as? String), key = try #require(opened["key"] as? String)
            let token = try #require(try await Self.post(client, "/api/sessions/\(code)/join", ["name": "Green"]).1["token"] as? String)
            let first: [String: Any] = ["budget.cut.fraction": 0.2, "budget.deficit_policy": "ration_specialised",
                                        "services.specialised_financing.model": "per_trajectory", "policies.coordination.enabled": true]
            #expect(try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": token, "levers": first]).0 == 200)
            #expect(try await Self.post(client, "/api/sessions/\(code)/play", ["key": key]).0 == 200)
            let session = try workshop.session(code)
            try await Self.waitForRound(session)
            let round1 = try #require(session.state.withLock { s in s.groups.first.flatMap { $0.runs[2015] }.flatMap { s.runs[$0] } })

            let second: [String: Any] = ["budget.deficit_policy": "absorb", "services.specialised_financing.model": "per_day",
                                         "policies.coordination.enabled": false]
            #expect(try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": token, "levers": second]).0 == 200)
            #expect(try await Self.post(client, "/api/sessions/\(code)/play", ["key": key]).0 == 200)
            try await Self.waitForRound(session)
            let round2 = try #require(session.state.withLock { s in s.groups.first.flatMap { $0.runs[2016] }.flatMap { s.runs[$0] } })
            #expect(round2.plan.bOverrides.contains("budget.deficit_policy={values: {2010-01-01: absorb, 2015-01-01: ration_specialised, 2016-01-01: absorb}, between: step}"),
                    "\(round2.plan.bOverrides)")
            #expect(round2.plan.b.budget.deficitPolicy == .absorb, "the starting point's choice holds before the first round")
            #expect(Self.samePast(round1, round2, before: 2016), "2013-2015 as shown after round 1")
            // And the change of 2016 does show: 2016 differs from a path that kept 2015's choices.
            let kept = try workshop.submit(try session.plan(RoundSession.Group(id: 1, name: "Kept", decisions: [2015: session.decisionsSoFar(
                session.state.withLock { $0.groups[0] }, through: 0)[0].values], runs: [:]), through: 1, settings: workshop.settings), client: "kept")
            while kept.status != .done { try await Task.sleep(for: .milliseconds(100)) }
            let m = MetricCatalog.index("spending_total_eur")
            let spent2016 = { (run: LiveComparison) in run.pairs().b.map { r in r.rows.filter { $0.periodStart.year == 2016 }.reduce(0) { $0 + $1.values[m] } } }
            #expect(spent2016(kept) != spent2016(round2))
        }
    }

    /// Sessions survive a restart: each change is kept in Output/workshop/sessions/<code>.json,
    /// a new server reads it back with its groups, tokens and decisions and simulates the
    /// played paths again (the same numbers); an expired session is deleted.
    @Test func aSessionSurvivesARestartAndExpiresFromDisk() async throws {
        let settings = WorkshopAPITests.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.outputFolder) }
        let workshop = try Workshop(settings: settings)
        let (code, key, token, played) = try await Application(router: workshop.router()).test(.router) { client in
            let opened = try await Self.post(client, "/api/sessions", ["scenario": "baseline", "rounds": 3, "replications": 2]).1
            let code = try #require(opened["code"] as? String)
            let key = try #require(opened["key"] as? String)
            let token = try #require(try await Self.post(client, "/api/sessions/\(code)/join", ["name": "Red"]).1["token"] as? String)
            let decisions: [String: Any] = ["budget.cut.fraction": 0.15, "budget.deficit_policy": "cut_prevention"]
            #expect(try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": token, "levers": decisions]).0 == 200)
            #expect(try await Self.post(client, "/api/sessions/\(code)/play", ["key": key]).0 == 200)
            let session = try workshop.session(code)
            try await Self.waitForRound(session)
            return (code, key, token, session.state.withLock { s in s.runs.values.first })
        }
        let file = URL(fileURLWithPath: settings.outputFolder).appendingPathComponent("sessions/\(code).json")
        #expect(FileManager.default.fileExists(atPath: file.path))
        let saved = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(saved.contains("cut_prevention") && saved.contains("\"round\" : 1"), "\(saved)")

        // The server restarts: the session is there, where it was.
        let restarted = try Workshop(settings: settings)
        let session = try restarted.session(code)
        let (round, groups) = session.state.withLock { ($0.round, $0.groups) }
        #expect(round == 1 && groups.map(\.name) == ["Red"])
        #expect(groups.first?.decisions[2015]?["budget.deficit_policy"] == "cut_prevention")
        #expect(groups.first?.decisions[2015]?["budget.cut.fraction"] == "0.15")
        try await Self.waitForRound(session)
        let replayed = try #require(session.state.withLock { s in s.groups.first.flatMap { $0.runs[2015] }.flatMap { s.runs[$0] } })
        #expect(Self.samePast(try #require(played), replayed, before: 2016), "the played path simulated again gives the same numbers")
        try await Application(router: restarted.router()).test(.router) { client in
            // The group's phone and the facilitator's screen go on with their token and key.
            #expect(try await Self.post(client, "/api/sessions/\(code)/decisions", ["token": token, "levers": ["budget.cut.fraction": 0.1]]).0 == 200)
            let view = WorkshopAPITests.json(try await client.execute(uri: "/api/sessions/\(code)?key=\(key)", method: .get))
            #expect(view["year"] as? Int == 2016 && (view["figures"] as? [Any])?.isEmpty == false)
        }
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("\"2016\""), "the new decision is kept")

        // Expired: a server whose expiry has passed since the last change deletes the file and forgets the session.
        var short = settings
        short.expirySeconds = 0.5
        try await Task.sleep(for: .seconds(1))
        let later = try Workshop(settings: short)
        #expect(throws: WorkshopError.self) { try later.session(code) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        // And one that expires while the server runs is deleted when it is next asked for.
        let fresh = try later.openSession(scenario: "baseline", rounds: 1, replications: 2)
        let freshFile = later.store.url(fresh.code)
        #expect(FileManager.default.fileExists(atPath: freshFile.path))
        try await Task.sleep(for: .seconds(1))
        #expect(throws: WorkshopError.self) { try later.session(fresh.code) }
        #expect(!FileManager.default.fileExists(atPath: freshFile.path))
    }

    @Test func theSeamTurnsDecisionsIntoOverrides() {
        let starting = ["budget.cut.fraction": "0.0", "services.neighbourhood_team.budget_share": "0.07", "budget.deficit_policy": "absorb"]
        let decisions: [(year: Int, values: [String: String])] = [
            (2015, ["budget.cut.fraction": "0.12", "services.neighbourhood_team.budget_share": "0.07", "budget.deficit_policy": "absorb"]),
            (2016, ["budget.cut.fraction": "0.05", "services.neighbourhood_team.budget_share": "0.09", "budget.deficit_policy": "cut_prevention"]),
        ]
        let start = CalendarDate(year: 2010, month: 1, day: 1)!
        let overrides = DecisionOverrides.overrides(decisions, starting: starting, horizonStart: start)
        #expect(overrides.contains("budget.cut={fraction: 0.05, start: 2015-01-01, schedule: [0.12, 0.05]}"))
        #expect(overrides.contains("services.neighbourhood_team.budget_share={values: {2010-01-01: 0.07, 2016-01-01: 0.09}, between: step}"))
        #expect(overrides.contains("budget.deficit_policy={values: {2010-01-01: absorb, 2016-01-01: cut_prevention}, between: step}"))
        // A share never changed needs no override.
        #expect(!overrides.contains { $0.hasPrefix("services.youth_health_care") })
        #expect(DecisionOverrides.overrides([], starting: starting, horizonStart: start).isEmpty)
    }
}
