extension MetricCatalog {
    /// What analysts compare with the national series (CBS, Jeugdautoriteit): how long the
    /// stays that ended lasted, the team's share of the children in youth help, and the
    /// spending per child in care. The distinct users per year are in `outcomes` (users_*).
    static let careHistory: [MetricDefinition] = {
        let all = ServiceKind.allCases
        var d: [MetricDefinition] = []
        d += all.map { s in
            .init("stays_ended_\(s.key)", "children", "stays in \(s.displayName) that ended in the period (the child left it: resolved, stepped up or down, lost, or left the population); extensions in the same service are one stay, as CBS counts a trajectory", .total) {
                Double($0.recorder.counters.staysEnded[s.rawValue])
            }
        }
        d += all.map { s in
            .init("mean_stay_days_ended_\(s.key)", "days", "mean length of the stays in \(s.displayName) that ended in the period, from the start of care there to leaving it (0 when none ended)", .weighted, weightedBy: "stays_ended_\(s.key)") {
                mean($0.recorder.counters.staysEndedDays[s.rawValue], over: $0.recorder.counters.staysEnded[s.rawValue])
            }
        }
        d += all.map { s in
            .init("mean_stay_days_planned_started_\(s.key)", "days", "mean planned length of the stays in \(s.displayName) begun in the period: the first episode's drawn length (with the per-day drift and a hand-over's intake) before any extension or prolongation (0 when none began)", .weighted, weightedBy: "starts_\(s.key)") {
                mean($0.recorder.counters.stayPlannedDays[s.rawValue], over: $0.recorder.counters.starts[s.rawValue])
            }
        }
        d += all.map { s in
            .init("stays_started_ended_\(s.key)", "children", "stays in \(s.displayName) begun in the period that ended before the horizon's end (filled in when the run ends; stays still running then are left out)", .total) { _ in 0 }
        }
        d += all.map { s in
            .init("mean_stay_days_started_\(s.key)", "days", "mean realised length of the stays in \(s.displayName) begun in the period, counted when they end (beside mean_stay_days_ended_\(s.key), which mixes stays begun in earlier years); right-censored: stays still running at the horizon's end are left out, so the last years read short (0 when none ended)", .weighted, weightedBy: "stays_started_ended_\(s.key)") { _ in 0 }
        }
        d += [
            .init("in_youth_help", "children", "children in youth help (jeugdhulp) at the end of the period: the neighbourhood team, specialised ambulant or residential care, or placed out of home under youth protection", .average) {
                Double($0.childrenInYouthHelp)
            },
            .init("team_share_in_care", "fraction", "the neighbourhood team's share of the children in youth help at the end of the period (in_care_team / in_youth_help; 0 when none)", .weighted, weightedBy: "in_youth_help") {
                let all = $0.childrenInYouthHelp
                return all > 0 ? Double($0.resources[ServiceKind.neighbourhoodTeam.rawValue].inUse) / Double(all) : 0
            },
            .init("spending_per_user_eur", "EUR", "spending of the budget year so far (spending_total_eur since 1 January) per child counted in it so far as a user of youth care (users_youth_care since 1 January); in yearly.csv, the year's spending per distinct child in care (as cost_per_child_in_care); the summary gives the last year's", .final) {
                $0.yearUsers > 0 ? $0.yearAccount.spent / Double($0.yearUsers) : 0
            },
        ]
        return d
    }()
}

extension Replication {
    /// Children in youth help now: the team, specialised ambulant and residential care (this
    /// municipality's own), and placements under youth protection.
    var childrenInYouthHelp: Int {
        let own = [ServiceKind.neighbourhoodTeam, .specialisedAmbulant, .residential].reduce(0) {
            $0 + resources[$1.rawValue].inUse - othersInCare($1.rawValue)
        }
        return own + placedCount
    }
}
