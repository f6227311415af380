import CareModel

/// `stories.md`: the sampled households' timelines in plain language, for trainers
/// and for reporting by stories rather than spreadsheets.
public enum StoriesDocument {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    public static func markdown(_ book: StoryBook, parameters p: ModelParameters) -> String {
        let start = p.horizon.start.daysSinceEpoch
        let from = Double(p.horizon.warmupUntil.daysSinceEpoch - start)
        func when(_ t: Double) -> String {
            let d = CalendarDate(daysSinceEpoch: start + Int(t.rounded(.down)))
            return "\(months[d.month - 1]) \(d.year)"
        }
        var out = """
        # Stories: \(p.name)

        \(book.households.count) households with children on \(p.horizon.warmupUntil), the end of the warm-up, drawn at \
        random (replication 0, seed \(p.experiment.seed); the same seed tells the same stories). \
        Costs are those paid per day of care; the neighbourhood team, school care and youth health care are paid \
        from their yearly budgets.

        """
        for (n, household) in book.households.enumerated() {
            let members = book.children.indices.filter { book.children[$0].household == household }
            let group = p.population.riskGroups[book.children[members[0]].riskGroup].name.replacingOccurrences(of: "_", with: " ")
            out += "\n## Household \(n + 1): \(group), \(members.count) child\(members.count == 1 ? "" : "ren") over the years\n"
            for (k, child) in members.enumerated() {
                let name = "Child \(Character(UnicodeScalar(65 + k % 26)!))"
                let entries = book.entries.filter { $0.child == child && $0.time >= from }
                let born = book.children[child].birthDay
                out += "\n**\(name)**, born \(when(born)).\n"
                if entries.isEmpty {
                    out += "- No need for help in these years.\n"
                    continue
                }
                var careStart: [ServiceKind: Double] = [:]
                var placedSince: Double?
                for e in entries {
                    out += "- \(when(e.time)): "
                    switch e.event {
                    case .status(let need, let service, let waiting):
                        let needText = ["no need", "a light need", "a moderate need", "a severe need"][need]
                        let whereText = service.map { waiting ? ", waiting for \($0.displayName)" : ", in \($0.displayName)" } ?? ""
                        out += "when the story begins: \(needText)\(whereText)."
                        if let service, !waiting { careStart[service] = e.time }
                    case .onset: out += "a light need began."
                    case .escalated(let to): out += "the need became \(to == 2 ? "moderate" : "severe")."
                    case .resolvedByItself: out += "the need passed without help."
                    case .noticed(let channel): out += "\(noticed(channel))"
                    case .waiting(let s): out += "put on the waiting list for \(s.displayName)."
                    case .started(let s, let waited):
                        careStart[s] = e.time
                        out += "started \(s.displayName)" + (waited >= 1 ? " after \(Int(waited.rounded())) days of waiting." : ", without waiting.")
                    case .placed:
                        placedSince = e.time
                        out += "placed out of home."
                    case .ended(let s, let resolved):
                        let days = careStart[s].map { e.time - $0 } ?? 0
                        out += "\(s.displayName) \(resolved ? "ended: the need was resolved" : "did not resolve the need")"
                        out += days >= 1 ? ", after \(Int(days.rounded())) days\(cost(s, days: days, placedDays: placedSince.map { e.time - $0 }, p))." : "."
                        // A next episode (in the same place or elsewhere) counts its own days.
                        careStart[s] = e.time
                        placedSince = resolved ? nil : placedSince.map { _ in e.time }
                    case .turnedAtReview(let turn):
                        switch turn {
                        case .teamReferredOn: out += "the neighbourhood team could have closed the case, but referred it on to specialised care."
                        case .prolonged: out += "at a review the provider prolonged the care, though the need had passed (care paid per day)."
                        case .closedEarly: out += "at a review the provider closed the care with the need still there (care paid per trajectory or from a fixed budget)."
                        }
                    case .gaveUp: out += "the family gave up waiting; the need stayed."
                    case .crisis: out += "a crisis; a youth-protection order followed."
                    case .lostInHandover: out += "the case was lost in the hand-over to the new teams."
                    case .lever(let line): out += line.text
                    case .transferredBetweenJGZ(let lost):
                        out += lost ? "youth health care for toddlers handed the case to youth health care at school, and it was lost on the way."
                                    : "youth health care for toddlers handed the case to youth health care at school."
                    case .left(let withNeed): out += withNeed ? "left youth care with the need still there." : "left youth care without a need."
                    }
                    out += "\n"
                }
            }
        }
        return out
    }

    static func noticed(_ channel: Channel) -> String {
        switch channel {
        case .jgz: "noticed at a youth health care (JGZ) check-up."
        case .school: "noticed at school."
        case .team: "noticed by the neighbourhood team (wijkteam)."
        case .gp: "the general practitioner (huisarts) noticed it and referred straight to specialised care."
        case .selfReferral: "the family asked the neighbourhood team for help."
        case .crisis: "noticed in a crisis."
        }
    }

    static func cost(_ s: ServiceKind, days: Double, placedDays: Double?, _ p: ModelParameters) -> String {
        let services = p.services
        var euros: Double
        switch s {
        case .specialisedAmbulant: euros = days * services.specialisedAmbulant.tariffEurPerDay
        case .residential: euros = days * services.residential.tariffEurPerDay
        case .youthProtection: euros = days * services.youthProtection.costEurPerDay + (placedDays ?? 0) * services.residential.tariffEurPerDay
        case .jgzEarlyHelp, .schoolCare, .neighbourhoodTeam: return ""
        }
        euros = (euros / 100).rounded() * 100
        return ", about EUR \(Int(euros))"
    }
}
