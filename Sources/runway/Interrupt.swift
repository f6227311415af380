import Foundation
import Synchronization

/// Ctrl-C (SIGINT) during a run: finish the replications in progress, keep every
/// finished one on disk, and stop. A second Ctrl-C stops at once.
enum Interrupt {
    static let requested = Atomic<Bool>(false)

    /// Also when SIGINT arrives ignored or blocked from the parent (a background job
    /// of a script, a child of a process that blocks it): Ctrl-C and `kill -INT` stop
    /// a --quiet run in the background too.
    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
