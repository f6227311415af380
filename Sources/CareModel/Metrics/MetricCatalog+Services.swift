extension MetricCatalog {
    /// Per service: waiting lists, places in use and contracted, starts and waits; per channel: new episodes.
    /// In a region the shared places and lists also hold the other municipalities' children,
    /// which these columns leave out.
    static let services: [MetricDefinition] = {
        let all = ServiceKind.allCases
        var d: [MetricDefinition] = []
        d += all.map { s in
            .init("waiting_\(s.key)", "children", "children on the waiting list of \(s.displayName) at the end of the period", .stock) {
                Double($0.resources[s.rawValue].queue.count - $0.othersWaiting(s.rawValue))
            }
        }
        d.append(.init("waiting_over_9_weeks", "children", "children on the waiting lists of specialised ambulant and residential care who have waited more than 9 weeks (63 days) at the end of the period, as the pre-2015 list figures count them (waiting_list_9w_2008)", .stock) {
            $0.waitingLongerThan(days: 63, in: [.specialisedAmbulant, .residential])
        })
        d += all.map { s in
            .init("in_care_\(s.key)", "children", "children in \(s.displayName) at the end of the period", .stock) {
                Double($0.resources[s.rawValue].inUse - $0.othersInCare(s.rawValue))
            }
        }
        d += all.map { s in
            .init("capacity_\(s.key)", "places", "places (children helped at once) of \(s.displayName) at the end of the period; empty (missing) when unlimited", .stock) {
                let capacity = $0.resources[s.rawValue].capacity
                return capacity == .max ? .nan : Double(capacity - $0.othersPlaces[s.rawValue])
            }
        }
        d += Channel.allCases.map { c in
            .init("new_episodes_\(c.key)", "episodes", "needs first noticed in the period by \(c.displayName)", .total) {
                Double($0.recorder.counters.newEpisodes[c.rawValue])
            }
        }
        d += all.map { s in
            .init("starts_\(s.key)", "episodes", "care episodes started in \(s.displayName) in the period", .total) {
                Double($0.recorder.counters.starts[s.rawValue])
            }
        }
        d += all.map { s in
            .init("mean_wait_days_\(s.key)", "days", "mean wait of the episodes started in \(s.displayName) in the period (0 when none started)", .weighted, weightedBy: "starts_\(s.key)") {
                mean($0.recorder.counters.waitDays[s.rawValue], over: $0.recorder.counters.starts[s.rawValue])
            }
        }
        return d
    }()
}
