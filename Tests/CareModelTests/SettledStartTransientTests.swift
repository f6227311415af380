import CareModel
import Experiments
import Foundation
import ScenarioIO
import Stochastics
import Testing

/// A settled start has no transient: children met in care have the residual of an
/// episode under way (length-biased), not a fresh one, so the first two years' care
/// stocks and stays ended agree with years 4-6 of the same run. Started with fresh
/// episodes, youth protection began some 10 % high and its stays ended some 20 % low
/// in the first year (baseline at 45,000 children, 20 replications: 9 and 12
/// standard errors off).
@Suite struct SettledStartTransientTests {
    /// The baseline at 20,000 children (budget scaled), settled in 2010, no warm-up,
    /// reported 2010-2015 (its places do not change), 16 replications, seed 7. Per
    /// replication, the yearly value of 2010 and of 2011 minus the mean of 2013-2015 (a
    /// stock: the mean of its months; a flow: the year's sum); each paired difference's
    /// mean must lie within its Student-t 95 % band, Bonferroni-corrected over metrics and years.
    @Test func firstYearsAgreeWithLaterYears() throws {
        let (baseline, scaled) = try TestScenario.baseline(children: 20_000)
        let settings = scaled + ["horizon.initial_state=settled", "horizon.start=2010-01-01", "horizon.warmup_until=2010-01-01",
                        "horizon.end=2016-01-01", "experiment.replications=16", "experiment.seed=7"]
        let model = try CompiledModel(ScenarioLoader.load(path: baseline, overrides: settings).parameters)
        let results = try ExperimentRunner.run(model, replications: 0..<16, jobs: 2).results
        // Ambulant places bind all the time (in care = places), so its list is the stock
        // that shows a settled start's error there: with the twin's ambulant episodes
        // exponential, its list began a quarter too long and shortened over some 4 years.
        // School care and JGZ are short and exponential-like. Left out, a known remaining
        // gap: ambulant stays ended run some 4 % low in the first two years and with them
        // the severe needs stepped up to residential care (its stays ended some 5-10 % low
        // in 2011), from the twin's mix of needs in ambulant care, not from the episodes' lengths.
        let stocks = ["in_care_team", "in_care_residential", "in_care_protection", "waiting_ambulant"]
        let flows = ["stays_ended_team", "stays_ended_protection"]
        let t = SummaryStatistics.tQuantile(1 - 0.025 / Double(2 * (stocks.count + flows.count)), degreesOfFreedom: 15)
        func yearly(_ r: ReplicationResult, _ metric: String, _ year: Int) -> Double {
            let values = r.rows.filter { $0.periodStart.year == year }.map { $0.values[MetricCatalog.index(metric)] }
            let sum = values.reduce(0, +)
            return stocks.contains(metric) ? sum / Double(values.count) : sum
        }
        for metric in stocks + flows {
            for year in [2010, 2011] {
                let differences = results.map { r in yearly(r, metric, year) - [2013, 2014, 2015].map { yearly(r, metric, $0) }.reduce(0, +) / 3 }
                let s = SummaryStatistics(differences)
                let band = t * s.standardDeviation / Double(s.count).squareRoot()
                let later = results.map { r in [2013, 2014, 2015].map { yearly(r, metric, $0) }.reduce(0, +) / 3 }.reduce(0, +) / Double(results.count)
                #expect(abs(s.mean) <= band, "\(metric) \(year): \(s.mean) from years 2013-2015 (\(later)), band ± \(band)")
            }
        }
    }
}
