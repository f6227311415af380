import Foundation
import Testing

/// `runway serve` as a trainer starts it: the printed address, Ctrl-C, the access code
/// off loopback, the page in headless Chromium, and a bounded load test on loopback.
@Suite(.serialized) struct WorkshopCLITests {
    /// A running `runway serve`, stopped with SIGINT (Ctrl-C).
    final class Server {
        let process = Process()
        let output = Pipe()
        let folder = CLITests.temporaryFolder()
        var url = ""
        var printed = ""

        init(_ arguments: [String] = []) throws {
            process.executableURL = CLITests.binary
            process.arguments = ["serve", "--port", "0", "--output", "\(folder)/workshop"] + arguments
            process.currentDirectoryURL = CLITests.root
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning {
                printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                if let range = printed.range(of: #"http://[^ \n]+/"#, options: .regularExpression) {
                    url = String(printed[range])
                    return
                }
            }
            Issue.record("runway serve printed no address: \(printed)")
        }

        /// Ctrl-C; the exit code and everything printed.
        func stop() -> (code: Int32, printed: String) {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            process.waitUntilExit()
            printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            try? FileManager.default.removeItem(atPath: folder)
            return (process.terminationStatus, printed)
        }

        /// The address on loopback (the server may print its host name instead).
        var loopbackURL: String {
            guard let port = url.split(separator: ":").last?.dropLast() else { return url }
            return "http://127.0.0.1:\(port)/"
        }
    }

    @Test func servePrintsItsAddressAndStopsCleanlyOnCtrlC() throws {
        let server = try Server()
        #expect(server.url.hasPrefix("http://127.0.0.1:"))
        let (code, printed) = server.stop()
        #expect(code == 0, "\(printed)")
        #expect(printed.contains("Stopped."))
    }

    @Test func aRoomNetworkNeedsAnAccessCode() throws {
        let server = try Server(["--host", "0.0.0.0"])
        let (_, printed) = server.stop()
        #expect(printed.contains("access code: "), "\(printed)")
        let bad = try CLITests.runway(["serve", "--access-code", "a b"])
        #expect(bad.code == 2)
    }

    /// Headless Chromium loads the page, waits for A vs B, moves the budget cut to 20 %
    /// and checks that B's curve changed, with no console messages; then a facilitator
    /// and two groups, each in its own tab, play a round. The screenshots are kept in
    /// .build/workshop-screenshots/.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RUNWAY_SKIP_BROWSER"] == nil))
    func thePageUpdatesBInARealBrowser() throws {
        guard let chromium = ReportCLITests.chromium else {
            Issue.record("chromium is missing: `make test` installs it (apt-get install -y chromium); set RUNWAY_SKIP_BROWSER=1 to skip this test")
            return
        }
        let server = try Server()
        defer { _ = server.stop() }
        let shots = CLITests.root.appendingPathComponent(".build/workshop-screenshots").path
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let check = try ReportCLITests.execute("/usr/bin/env", ["python3", CLITests.root.appendingPathComponent("Tests/Browser/workshop_check.py").path,
                                                                chromium, server.loopbackURL, shots], seconds: 300)
        try #require(check.code == 0, "\(check.output.suffix(3000))")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(check.output.split(separator: "\n").last!.utf8)) as? [String: Any])
        #expect(result["changed"] as? Bool == true, "B's curve did not change: \(result)")
        #expect((result["console"] as? [String])?.isEmpty == true, "console: \(result["console"] ?? "")")
        #expect(result["lever_marked"] as? Bool == true)
        #expect(result["charts"] as? Int == 12)
        #expect(result["stories"] as? Int == 2)
        // No chart's caption (or any of its text) runs past its edge, on either screen.
        #expect((result["clipped"] as? [String])?.isEmpty == true, "clipped text in explore: \(result["clipped"] ?? "")")
        #expect(((result["rounds"] as? [String: Any])?["clipped"] as? [String])?.isEmpty == true, "clipped text in rounds: \(result["rounds"] ?? "")")
        // A round with two groups: the facilitator's screen shows both paths and ranks them.
        let rounds = result["rounds"] as? [String: Any] ?? [:]
        #expect((rounds["figures"] as? Int ?? 0) > 0)
        #expect(Set(rounds["ranking"] as? [String] ?? []) == ["Red", "Blue"])
        for name in ["explore-start.png", "explore.png", "rounds.png", "rounds-group.png", "docs-workshop-explore.png", "docs-workshop-rounds.png"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(name)"))
        }
    }

    /// 10 pages × 20 lever changes on loopback: no errors other than deliberate
    /// refusals (503), every older run cancelled or done, every page's last run
    /// finished, and the server's memory bounded. At 10,000 children and 10
    /// replications, so that it tests the server and not the model's speed.
    @Test func aRoomOfPagesOnLoopback() throws {
        let server = try Server(["--max-runs", "12"])
        defer { _ = server.stop() }
        let load = try ReportCLITests.execute("/usr/bin/env", ["python3", CLITests.root.appendingPathComponent("Tests/Browser/workshop_load.py").path,
                                                               server.loopbackURL, String(server.process.processIdentifier), "10", "20", "10000", "10"],
                                            seconds: 900)
        try #require(load.code == 0, "\(load.output.suffix(3000))")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(load.output.split(separator: "\n").last!.utf8)) as? [String: Any])
        print("workshop load test: \(load.output.split(separator: "\n").last!)")
        let statuses = result["statuses"] as? [String: Int] ?? [:]
        #expect(Set(statuses.keys).isSubset(of: ["200", "202", "503"]), "\(statuses)")
        #expect((result["errors"] as? [Any])?.isEmpty == true, "\(result["errors"] ?? "")")
        #expect((result["bad_endings"] as? [Any])?.isEmpty == true, "\(result["bad_endings"] ?? "")")
        let last = result["last_runs"] as? [[String: Any]] ?? []
        #expect(last.count == 10)
        #expect(last.allSatisfy { $0["status"] as? String == "done" }, "\(last)")
        #expect((result["peak_rss_mb"] as? Int ?? .max) < 2000, "peak memory \(result["peak_rss_mb"] ?? "")")
    }
}
