import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import Workshop

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the workshop page: move levers and see A against B on common random numbers.",
        discussion: """
        Prints the page's address and runs until Ctrl-C. Binds to 127.0.0.1 unless --host says otherwise; any other \
        host (e.g. 0.0.0.0 for a room's network) needs an access code, which the page asks for: give one with \
        --access-code or let Runway make one (it is printed). Runs are written only under Output/workshop/.
        """)

    @Option(help: "Port (0: any free port; the address is printed).")
    var port: Int = 8080

    @Option(help: "Address to bind: 127.0.0.1 (this computer only) or 0.0.0.0 (every network; needs an access code).")
    var host: String = "127.0.0.1"

    @Option(help: "Folder of the scenarios offered as starting points.")
    var scenarios: String = "Scenarios"

    @Option(help: "Access code the page asks for (required, or made up and printed, when --host is not loopback).")
    var accessCode: String?

    @Option(help: "Simulation threads: at most this many replications at once (default: the cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Comparisons admitted at once; more are refused with a message.")
    var maxRuns: Int = 12

    @Option(help: "Folder for downloaded runs.")
    var output: String = "Output/workshop"

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if workers < 1 { throw ValidationError("--workers must be at least 1") }
        if maxRuns < 1 { throw ValidationError("--max-runs must be at least 1") }
        if let accessCode, accessCode.count < 4 || accessCode.count > 64 || accessCode.contains(where: { !$0.isASCII || $0.isWhitespace }) {
            throw ValidationError("--access-code must be 4 to 64 printable ASCII characters")
        }
    }

    static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    func run() throws {
        var settings = WorkshopSettings()
        settings.scenariosFolder = scenarios
        settings.outputFolder = output
        settings.workers = workers
        settings.maxRuns = maxRuns
        settings.runwayVersion = Runway.version
        if !Self.isLoopback(host) {
            settings.accessCode = accessCode ?? String((0..<6).map { _ in "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".randomElement()! })
        } else {
            settings.accessCode = accessCode
        }
        let workshop: Workshop
        do { workshop = try Workshop(settings: settings) } catch let error as WorkshopError {
            throw InputError(error.message)
        }
        let code = settings.accessCode
        let shown = Self.isLoopback(host) ? "127.0.0.1" : host == "0.0.0.0" ? (ProcessInfo.processInfo.hostName) : host
        let app = workshop.application(host: host, port: port) { bound in
            var line = "Runway workshop: http://\(shown):\(bound)/"
            if let code { line += "  (access code: \(code))" }
            // Written straight to the file descriptor: whoever reads the pipe sees it at once.
            FileHandle.standardOutput.write(Data((line + "\nStop with Ctrl-C.\n").utf8))
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task {
            do { try await app.runService() } catch { failure.withLock { $0 = error } }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw InputError("the server stopped: \(error)") }
        FileHandle.standardOutput.write(Data("Stopped.\n".utf8))
    }
}
