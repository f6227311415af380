import Foundation
import Synchronization

/// Ctrl-C (SIGINT) during a run: finish the replications in progress, keep every
/// finished one on disk, and stop. A second Ctrl-C stops at once.
enum Interrupt {
    static let requested = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
