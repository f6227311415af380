import ArgumentParser
import Foundation
import Experiments
import Reporting
import ScenarioIO
import Stochastics

// Exit codes: 0 success, 2 bad input, 1 internal failure. ArgumentParser's own
// usage errors (its exit code 64) are bad input too.
func fail(_ message: String, code: Int32) -> Never {
    RunLock.releaseAll()
    FileHandle.standardError.write(Data("runway: error: \(message)\n".utf8))
    exit(code)
}

do {
    var command = try Runway.parseAsRoot()
    try command.run()
} catch let error as ScenarioError {
    fail(error.description, code: 2)
} catch let error as OutputFolder.Problem {
    fail(error.description, code: error.isInternal ? 1 : 2)
} catch let error as FileProblem {
    fail(error.description, code: 2)
} catch let error as DistributionError {
    fail("scenario: \(error.description)", code: 2)
} catch let error as CalibrationError {
    fail(error.description, code: 2)
} catch let error as InputError {
    fail(error.description, code: 2)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch let error as GSLError {
    fail("numerical failure: \(error)", code: 1)
} catch let error as Interrupted {
    fail(error.description, code: 130)
} catch {
    let code = Runway.exitCode(for: error)
    if code == .success {
        print(Runway.fullMessage(for: error))
        exit(0)
    }
    if code == .validationFailure || error is ValidationError {
        // One prefix for every error: argument-parser's "Error: " becomes Runway's own.
        var message = Runway.fullMessage(for: error)
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        fail(message, code: 2)
    }
    fail("internal failure: \(error)", code: 1)
}
