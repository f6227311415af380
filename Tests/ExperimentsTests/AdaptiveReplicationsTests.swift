import Experiments
import Testing

/// The step of `runway run --target-half-width`: how many replications to have next.
@Suite struct AdaptiveReplicationsTests {
    let rule = AdaptiveReplications(target: 0.02, maxReplications: 200)

    @Test func stopsWhenTheTargetIsReached() {
        #expect(rule.next(after: 10, widest: 0.02) == nil)
        #expect(rule.next(after: 10, widest: 0.015) == nil)
    }

    @Test func stopsAtTheMaximum() {
        #expect(rule.next(after: 200, widest: 0.5) == nil)
        #expect(rule.next(after: 250, widest: 0.5) == nil)
    }

    @Test func halfWidthShrinksAsOneOverSquareRootOfN() {
        // Twice the target at 10 replications: 4 x 10 = 40 needed, with 10 % to spare 44.
        #expect(rule.next(after: 10, widest: 0.04) == 44)
        // Three times the target at 5: 9 x 5 x 1.1 = 49.5, rounded up.
        #expect(rule.next(after: 5, widest: 0.06) == 50)
    }

    @Test func addsAtLeastTwo() {
        // Just above the target, the estimate (about 11) would add only one.
        #expect(rule.next(after: 10, widest: 0.0201) == 12)
        #expect(rule.next(after: 2, widest: 0.021) == 4)
    }

    @Test func isCappedAtTheMaximum() {
        #expect(rule.next(after: 10, widest: 1.0) == 200)
        let small = AdaptiveReplications(target: 0.02, maxReplications: 11)
        #expect(small.next(after: 10, widest: 0.0201) == 11, "+2 would pass the maximum")
    }

    @Test func widestOfTheWatchedMetrics() {
        #expect(rule.metrics == ["spending_total_eur", "burden_index"])
        let widths = ["spending_total_eur": 0.03, "burden_index": 0.05, "crises": 0.9]
        #expect(rule.widest(widths) == 0.05, "crises is not watched")
        let crises = AdaptiveReplications(target: 0.02, metrics: ["crises"], maxReplications: 200)
        #expect(crises.widest(widths) == 0.9)
    }

    @Test func aMetricWithoutAWidthIsInfinitelyWide() {
        let widest = rule.widest(["spending_total_eur": 0.01])
        #expect(widest == .infinity)
        #expect(rule.next(after: 1, widest: widest) == 3, "no estimate yet: the smallest step")
        #expect(AdaptiveReplications(target: 0.02, maxReplications: 4).next(after: 3, widest: widest) == 4)
        #expect(rule.next(after: 3, widest: .nan) == 5)
    }
}

/// A width far above a tiny target must not overflow the estimate (it trapped).
@Suite struct AdaptiveReplicationsLimitsTests {
    @Test func aTinyTargetDoesNotTrap() {
        let tiny = AdaptiveReplications(target: 1e-12, maxReplications: 200)
        #expect(tiny.next(after: 2, widest: 1e6) == 200)
        #expect(tiny.next(after: 2, widest: .greatestFiniteMagnitude) == 200)
        #expect(tiny.next(after: 2, widest: 0) == nil, "a metric without variance has width 0: done")
    }
}
