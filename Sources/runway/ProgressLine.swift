import Foundation
import Synchronization

/// Progress of a long run on a terminal: replications done, events/s, time left.
/// Silent when standard error is not a terminal (CI logs, pipes) or with --quiet.
final class ProgressLine: Sendable {
    private struct State { var done = 0; var events: UInt64 = 0; var lastPrint = 0.0 }
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private let state = Mutex(State())

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func finished(events: UInt64) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let line: String? = state.withLock { s in
            s.done += 1
            s.events += events
            guard elapsed - s.lastPrint > 0.25 || s.done == total else { return nil }
            s.lastPrint = elapsed
            let rate = Double(s.events) / max(elapsed, 1e-9)
            let left = elapsed / Double(s.done) * Double(total - s.done)
            return "\r  \(s.done)/\(total) replications · \(String(format: "%.1f", rate / 1e6)) M events/s · about \(Int(left.rounded(.up))) s left   "
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
