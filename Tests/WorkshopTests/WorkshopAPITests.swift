import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ScenarioIO
import Testing
@testable import Workshop

/// The workshop server's API through HummingbirdTesting (no sockets): runs, cancelling,
/// bad input, caps, refusals, the access code and downloads. Runs use a small
/// population so that they take seconds in a debug build.
@Suite(.serialized) struct WorkshopAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func settings(_ change: (inout WorkshopSettings) -> Void = { _ in }) -> WorkshopSettings {
        var s = WorkshopSettings()
        s.scenariosFolder = root.appendingPathComponent("Scenarios").path
        s.outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("runway-workshop-\(UUID().uuidString)").path
        s.workers = 2
        s.stories = 4
        change(&s)
        return s
    }

    static func body(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    static var small: [String: Any] { ["client": "page-1", "scenario": "baseline", "children": 2000, "replications": 4,
                                       "levers": ["budget.cut.fraction": 0.2]] }

    /// Polls a comparison until it is no longer queued or running.
    static func wait(_ client: some TestClientProtocol, _ id: String, seconds: Double = 120) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let r = try await client.execute(uri: "/api/explore/\(id)", method: .get)
            let snap = json(r)
            if let status = snap["status"] as? String, status != "running" && status != "queued" { return snap }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("run \(id) did not finish in \(seconds) s")
        return [:]
    }

    @Test func aRunGivesChartsHeadlineAndStoriesAndBDiffersFromA() async throws {
        let workshop = try Workshop(settings: Self.settings())
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Runway workshop"))
            let setup = Self.json(try await client.execute(uri: "/api/setup", method: .get))
            let levers = setup["levers"] as? [[String: Any]] ?? []
            #expect(levers.count == Lever.all.count)
            #expect(levers.allSatisfy { ($0["dutch"] as? String ?? "").isEmpty == false })

            let started = try await client.execute(uri: "/api/explore", method: .post, body: Self.body(Self.small))
            #expect(started.status == .accepted)
            let id = try #require(Self.json(started)["id"] as? String)
            let snap = try await Self.wait(client, id)
            #expect(snap["status"] as? String == "done")
            #expect(snap["pairs"] as? Int == 4)
            // The view comes with the last pairs the page has not seen, and not again.
            let view = try #require(snap["view"] as? [String: Any])
            let figures = view["figures"] as? [[String: Any]] ?? []
            #expect(figures.count == 12)
            #expect(figures.contains { $0["name"] as? String == "extra_municipal_eur_difference" })
            let headline = view["headline"] as? [[String]] ?? []
            let spending = try #require(headline.first { $0[0] == "spending" })
            #expect(Double(spending[4]) ?? 0 < 0, "a 20 % cut should spend less in B: \(spending)")
            #expect(view["storyA"] != nil && view["storyB"] != nil)
            let again = Self.json(try await client.execute(uri: "/api/explore/\(id)?seen=4", method: .get))
            #expect(again["view"] == nil)
        }
    }

    @Test func theStartingPointIsRunOnceAndReusedForTheNextLeverChange() async throws {
        let workshop = try Workshop(settings: Self.settings())
        func request(_ cut: LeverValue) -> ExploreRequest {
            ExploreRequest(client: "p", scenario: "baseline", levers: ["budget.cut.fraction": cut], replications: 3, children: 1500)
        }
        let plan = try ExplorePlan(request("0.1"), scenarios: workshop.scenarios, settings: workshop.settings)
        #expect(try LiveComparison(id: "t1", client: "t", plan: plan, cache: workshop.cache).pendingCount == 6)
        let first = try workshop.start(request("0.1"))
        while first.status == .running || first.status == .queued { try await Task.sleep(for: .milliseconds(50)) }
        let next = try ExplorePlan(request("0.2"), scenarios: workshop.scenarios, settings: workshop.settings)
        #expect(try LiveComparison(id: "t2", client: "t", plan: next, cache: workshop.cache).pendingCount == 3,
                "A should come from the cache: only B's replications are left")
    }

    @Test func aNewerRequestFromThePageCancelsTheOlderOne() async throws {
        let workshop = try Workshop(settings: Self.settings())
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            var big = Self.small
            big["children"] = 40000
            big["replications"] = 40
            let first = Self.json(try await client.execute(uri: "/api/explore", method: .post, body: Self.body(big)))
            let second = Self.json(try await client.execute(uri: "/api/explore", method: .post, body: Self.body(big)))
            let a = try #require(first["id"] as? String), b = try #require(second["id"] as? String)
            #expect(a != b)
            let older = Self.json(try await client.execute(uri: "/api/explore/\(a)", method: .get))
            #expect(older["status"] as? String == "cancelled")
            // DELETE cancels explicitly.
            let cancelled = try await client.execute(uri: "/api/explore/\(b)", method: .delete)
            #expect(cancelled.status == .ok)
            let newer = try await Self.wait(client, b, seconds: 30)
            #expect(newer["status"] as? String == "cancelled")
            #expect(((newer["pairs"] as? Int) ?? 99) < 40)
            // Every worker is free again soon: the cancelled runs leave the pool.
            let deadline = Date().addingTimeInterval(30)
            while workshop.pool.load.runs > 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(workshop.pool.load.runs == 0)
            #expect(workshop.pool.load.peakRunning <= 2)
        }
    }

    @Test func badInputIsRefusedWithTheScenarioLoadersOwnMessage() async throws {
        let workshop = try Workshop(settings: Self.settings())
        let app = Application(router: workshop.router())
        // What `--set budget.cut.fraction=1.5` says on the command line.
        let expected: String
        do {
            _ = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/baseline.yaml").path, overrides: ["budget.cut.fraction=1.5"])
            expected = ""
        } catch {
            expected = error.description
        }
        #expect(!expected.isEmpty)
        try await app.test(.router) { client in
            func post(_ object: [String: Any]) async throws -> (Int, String) {
                let r = try await client.execute(uri: "/api/explore", method: .post, body: Self.body(object))
                return (r.status.code, Self.json(r)["error"] as? String ?? "")
            }
            var request = Self.small
            request["levers"] = ["budget.cut.fraction": 1.5]
            let (status, message) = try await post(request)
            #expect(status == 400)
            #expect(message == expected)
            request["levers"] = ["budget.deficit_policy": "print_money"]
            let choice = try await post(request)
            #expect(choice.0 == 400 && choice.1.contains("budget.deficit_policy") && choice.1.contains("absorb"), "\(choice.1)")
            request["levers"] = ["population.children": 5]
            let notALever = try await post(request)
            #expect(notALever.0 == 400 && notALever.1.contains("not a lever"))
            request["levers"] = ["budget.cut.fraction": "[1, 2]"]
            let stringList = try await post(request).0
            #expect(stringList == 400)
            request = Self.small
            request["scenario"] = "../../etc/passwd"
            let scenario = try await post(request)
            #expect(scenario.0 == 400 && scenario.1.contains("unknown scenario"))
            let broken = try await client.execute(uri: "/api/explore", method: .post, body: ByteBuffer(string: "{\"client\": "))
            #expect(broken.status == .badRequest)
            let missing = try await client.execute(uri: "/api/explore", method: .post, body: ByteBuffer(string: "{\"scenario\": \"baseline\", \"levers\": {}}"))
            #expect(missing.status == .badRequest)
            #expect(Self.json(missing)["error"] as? String ?? "" == "expected a JSON body {client, scenario, levers: {key: value}}: missing key 'client'")
            let huge = try await client.execute(uri: "/api/explore", method: .post, body: ByteBuffer(string: String(repeating: " ", count: 100_000)))
            #expect(huge.status == .contentTooLarge)
            let unknown = try await client.execute(uri: "/api/explore/nope", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func capsOnPopulationReplicationsAndHorizon() async throws {
        let workshop = try Workshop(settings: Self.settings { $0.maxChildren = 50_000; $0.maxHorizonYears = 15 })
        #expect(workshop.scenarios.entry("nl-2015") == nil, "the national scenario is over the population cap")
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            for (key, value, words) in [("replications", 41, "replications: expected 2 to 40"), ("replications", 1, "replications"),
                                        ("children", 60_000, "at most 50000 children")] as [(String, Int, String)] {
                var request = Self.small
                request[key] = value
                let r = try await client.execute(uri: "/api/explore", method: .post, body: Self.body(request))
                #expect(r.status == .badRequest)
                #expect((Self.json(r)["error"] as? String ?? "").contains(words), "\(Self.json(r))")
            }
        }
        // The workshop horizon (2010-2025: 15 years) is over a 10-year cap.
        let capped = Self.settings { $0.maxHorizonYears = 10 }
        #expect(throws: WorkshopError.self) {
            _ = try ExplorePlan(ExploreRequest(client: "p", scenario: "baseline"), scenarios: workshop.scenarios, settings: capped)
        }
    }

    @Test func runsBeyondTheLimitAreRefusedWithAMessage() async throws {
        let workshop = try Workshop(settings: Self.settings { $0.maxRuns = 1; $0.workers = 1 })
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            var request = Self.small
            request["children"] = 30000
            request["replications"] = 20
            let first = try await client.execute(uri: "/api/explore", method: .post, body: Self.body(request))
            #expect(first.status == .accepted)
            request["client"] = "page-2"
            let second = try await client.execute(uri: "/api/explore", method: .post, body: Self.body(request))
            #expect(second.status == .serviceUnavailable)
            #expect((Self.json(second)["error"] as? String ?? "").contains("busy"))
            try workshop.cancel(try #require(Self.json(first)["id"] as? String))
        }
    }

    @Test func theAccessCodeGuardsTheAPIButNotThePage() async throws {
        let workshop = try Workshop(settings: Self.settings { $0.accessCode = "K7PQ2X" })
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get).status
            #expect(page == .ok)
            let noCode = try await client.execute(uri: "/api/setup", method: .get).status
            #expect(noCode == .unauthorized)
            let wrongCode = try await client.execute(uri: "/api/setup", method: .get, headers: [HTTPField.Name("X-Access-Code")!: "wrong"]).status
            #expect(wrongCode == .unauthorized)
            let headerCode = try await client.execute(uri: "/api/setup", method: .get, headers: [HTTPField.Name("X-Access-Code")!: "K7PQ2X"]).status
            #expect(headerCode == .ok)
            let queryCode = try await client.execute(uri: "/api/setup?code=K7PQ2X", method: .get).status
            #expect(queryCode == .ok)
        }
    }

    @Test func theDownloadHoldsTheRunFolderAndBsScenarioReproducesB() async throws {
        let settings = Self.settings()
        defer { try? FileManager.default.removeItem(atPath: settings.outputFolder) }
        let workshop = try Workshop(settings: settings)
        let app = Application(router: workshop.router())
        try await app.test(.router) { client in
            let id = try #require(Self.json(try await client.execute(uri: "/api/explore", method: .post, body: Self.body(Self.small)))["id"] as? String)
            _ = try await Self.wait(client, id)
            let zip = try await client.execute(uri: "/api/explore/\(id)/download", method: .get)
            #expect(zip.status == .ok)
            let bytes = Array(Data(buffer: zip.body))
            #expect(bytes.prefix(4) == [0x50, 0x4B, 0x03, 0x04])
            let folder = URL(fileURLWithPath: settings.outputFolder).appendingPathComponent("explore/\(id)")
            for name in ["comparison.csv", "report.html", "run.json", "yearly_stats_b.csv", "scenario-a.yaml", "scenario-b.yaml"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
                #expect(String(decoding: bytes, as: UTF8.self).contains("runway-\(id)/\(name)"), "\(name) not in the zip")
            }
            // Nothing else was written: the output folder holds only explore/<id> (and its lock).
            let top = try FileManager.default.contentsOfDirectory(atPath: settings.outputFolder)
            #expect(top == ["explore"])
            // B's YAML, placed beside the baseline, loads to exactly B's parameters.
            let yaml = try await client.execute(uri: "/api/explore/\(id)/scenario-b.yaml", method: .get)
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runway-yaml-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Scenarios/baseline.yaml"), to: scratch.appendingPathComponent("baseline.yaml"))
            try Data(buffer: yaml.body).write(to: scratch.appendingPathComponent("scenario-b.yaml"))
            var loaded = try ScenarioLoader.load(path: scratch.appendingPathComponent("scenario-b.yaml").path).parameters
            let b = try workshop.run(id).plan.b
            loaded.name = b.name
            loaded.description = b.description
            #expect(loaded == b)
        }
    }
}
