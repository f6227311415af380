/// The services a child can wait for or be in. The raw value indexes per-service arrays.
public enum ServiceKind: Int, CaseIterable, Sendable, Codable {
    /// Early help by youth health care (jeugdgezondheidszorg, JGZ).
    case jgzEarlyHelp = 0
    /// Care at school without a referral (onderwijs-jeugdhulparrangement).
    case schoolCare
    /// Neighbourhood team (wijkteam).
    case neighbourhoodTeam
    /// Specialised ambulant youth care (specialistische ambulante jeugdhulp).
    case specialisedAmbulant
    /// Specialised residential care (jeugdhulp met verblijf).
    case residential
    /// Youth protection (jeugdbescherming), court-ordered; never refuses.
    case youthProtection

    /// The short name used in CSV column names.
    public var key: String {
        switch self {
        case .jgzEarlyHelp: "jgz"
        case .schoolCare: "school"
        case .neighbourhoodTeam: "team"
        case .specialisedAmbulant: "ambulant"
        case .residential: "residential"
        case .youthProtection: "protection"
        }
    }

    public var displayName: String {
        switch self {
        case .jgzEarlyHelp: "early help by youth health care (JGZ)"
        case .schoolCare: "care at school (onderwijs-jeugdhulparrangement)"
        case .neighbourhoodTeam: "neighbourhood team (wijkteam)"
        case .specialisedAmbulant: "specialised ambulant care"
        case .residential: "residential care (jeugdhulp met verblijf)"
        case .youthProtection: "youth protection (jeugdbescherming)"
        }
    }

    /// Services paid from a fixed yearly budget (capacity follows the budget);
    /// the others are paid per day of care.
    public var isFixedBudget: Bool {
        switch self {
        case .jgzEarlyHelp, .schoolCare, .neighbourhoodTeam: true
        case .specialisedAmbulant, .residential, .youthProtection: false
        }
    }
}

/// Where a need was noticed: the referral channel of a new episode.
public enum Channel: Int, CaseIterable, Sendable, Codable {
    case jgz = 0, school, team, gp, selfReferral, crisis

    public var key: String {
        switch self {
        case .jgz: "jgz"
        case .school: "school"
        case .team: "team"
        case .gp: "gp"
        case .selfReferral: "self"
        case .crisis: "crisis"
        }
    }

    public var displayName: String {
        switch self {
        case .jgz: "a youth health care (JGZ) contact"
        case .school: "school"
        case .team: "neighbourhood team (wijkteam) outreach"
        case .gp: "a general practitioner (huisarts)"
        case .selfReferral: "the family itself"
        case .crisis: "a crisis"
        }
    }
}
