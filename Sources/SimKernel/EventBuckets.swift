/// The event list's future windows, on two levels: events of the group of windows the
/// clock is in (2^`groupShift` = 32 windows) wait in one buffer per window; events of later
/// groups wait in one buffer per group, and are moved to their windows when the clock
/// enters the group. All unsorted; the event list sorts a window when it reaches it.
///
/// Why two levels (issue 17): with one buffer per window, a national run appends each
/// event scheduled months or years ahead to one of thousands of windows, and that
/// window's slot and its last cache line are almost always cache misses (the largest
/// single cost of the event list at 720,000 children). A group is 32 days in Runway, so
/// the buffers receiving far events are 32 times fewer and stay in cache; moving a group's
/// events into its 32 windows later is a pass over memory in order.
///
/// The order of events within a window's buffer changes (a window holds its group's
/// events first, then those scheduled after the group opened), but the event list sorts
/// each window by (time, priority, sequence), a total order, so the events come out in
/// the same order as with one level.
@usableFromInline
struct EventBuckets: ~Copyable {
    /// A group is 2^groupShift windows.
    @usableFromInline static let groupShift = 5

    /// The windows of the open groups, by window index.
    @usableFromInline var windows = EventBufferTable()
    /// The groups not yet open, by group index (window index >> groupShift).
    @usableFromInline var groups = EventBufferTable()
    /// Groups 0..<openGroups have been split into their windows.
    @usableFromInline var openGroups = 0
    /// Events waiting in all windows and groups.
    @usableFromInline var events = 0

    @inlinable init() {}

    /// Appends `event` to window `k` (k >= 0), or to its group while that is not open.
    @inlinable @inline(__always)
    mutating func append(_ event: Event, toWindow k: Int) {
        let group = k >> Self.groupShift
        if group < openGroups {
            windows.append(event, to: k)
        } else {
            groups.append(event, to: group)
        }
        events += 1
    }

    /// Moves window `k`'s events to the end of `buffer` and returns how many were moved.
    /// First opens the groups up to `k`'s, moving each one's events (in their order) to
    /// the window `windowOf` gives. Windows must be drained in increasing order.
    @inlinable
    mutating func drain(window k: Int, into buffer: inout EventBuffer, windowOf: (Event) -> Int) -> Int {
        let group = k >> Self.groupShift
        if group >= openGroups { open(through: group, windowOf: windowOf) }
        let moved = windows.drain(k, into: &buffer)
        events -= moved
        return moved
    }

    /// Splits groups openGroups...`last` into their windows.
    @inlinable
    mutating func open(through last: Int, windowOf: (Event) -> Int) {
        var group = openGroups
        while group <= Swift.min(last, groups.count - 1) {
            let waiting = groups.slots + group
            for i in 0..<waiting.pointee.count {
                let event = waiting.pointee[i]
                windows.append(event, to: windowOf(event))
            }
            waiting.pointee.release()
            group += 1
        }
        openGroups = last + 1
    }
}
