/// A need is noticed: by a JGZ contact, school, the team, the GP, the family, or a crisis.
extension Replication {
    func jgzContact(_ i: Int) {
        let need = Int(children.all[i].need)
        let yhc = model.parameters.services.youthHealthCare
        let p = yhc.reach * jgzReachFactor * model.jgzDetection[need]
        // Without early help (none funded), a light need seen at a contact gets advice, not help.
        let canHelp = need > 1 || resources[ServiceKind.jgzEarlyHelp.rawValue].capacity > 0
        if streams.detection.bernoulli(p) && canHelp {
            noticed(i, by: .jgz)
        } else {
            scheduleHome(i)
        }
    }

    func crisis(_ i: Int) {
        if children.all[i].since < 0 { children.all[i].since = Float(events.now) }
        report(i, .crisis)
        refer(i, to: .youthProtection)
    }

    /// A need is noticed: count the new episode and route it.
    func noticed(_ i: Int, by channel: Channel) {
        children.all[i].since = Float(events.now)
        report(i, .noticed(channel))
        let service = route(i, channel: channel)
        switch channel {
        case .gp:
            report(i, .referredByGP)
            // While the GP route is open the municipality has no say: no indication step;
            // under the old regime the GP's route (insurers' youth mental health) had none.
            let open = gpRouteOpen
            children.all[i].gpReferral = open
            referOn(i, to: service, indication: !open && !oldRegimeNow)
        case .jgz where service == .neighbourhoodTeam, .school where service == .neighbourhoodTeam:
            referOn(i, to: service, indication: false)
        case .selfReferral where model.separateTeams:
            // Separate teams: the family's request reaches the youth team through the household team.
            referOn(i, to: service, indication: false)
        default:
            refer(i, to: service)
        }
    }
}
