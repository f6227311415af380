import CareModel
import Experiments
import Testing

/// The regime before the transfer (policies.old_regime).
extension LeverTests {
    /// Before the transition date there is no team: what would go to it passes the
    /// indication body or, when light, is turned away. From that date the team works and
    /// the indication body is gone.
    @Test func theOldRegimeHasNoTeamButAnIndicationBodyUntilTheTransfer() throws {
        let old = ["policies.old_regime.enabled=true"]
        let i = MetricCatalog.index
        for r in try TestScenario.run(old, replications: 1) {
            var indicated = 0.0, turnedAway = 0.0, teamStartsAfter = 0.0
            for row in r.rows {
                let v = row.values
                if row.periodStart.year < 2015 {
                    #expect(v[i("starts_team")] == 0 && v[i("in_care_team")] == 0 && v[i("capacity_team")] == 0, "\(row.periodStart)")
                    indicated += v[i("old_regime_indications")]
                    turnedAway += v[i("turned_away")]
                } else {
                    #expect(v[i("old_regime_indications")] == 0 && v[i("turned_away")] == 0, "\(row.periodStart)")
                    teamStartsAfter += v[i("starts_team")]
                }
            }
            #expect(indicated > 0 && turnedAway > 0 && teamStartsAfter > 0)
        }
        // Light needs turned away: fewer children with youth help, more needs unseen.
        let users = try Self.difference("users_youth_help", off: [], on: old)
        #expect(users.difference.upper95 < 0, "youth-help users, old regime - teams: \(users.difference.mean)")
        let unseen = try Self.difference("needs_undetected", off: [], on: old)
        #expect(unseen.difference.lower95 > 0, "undetected needs, old regime - teams: \(unseen.difference.mean)")
    }
}
