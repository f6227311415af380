import CareModel

/// A published figure the model is fitted to, as one row of a targets CSV:
/// `quantity,value,weight,source`.
public struct CalibrationTarget: Sendable, Equatable {
    public let quantity: CalibrationQuantity
    public let value: Double
    public let weight: Double
    public let source: String

    public init(quantity: CalibrationQuantity, value: Double, weight: Double, source: String) {
        self.quantity = quantity
        self.value = value
        self.weight = weight
        self.source = source
    }

    /// Parses a targets CSV (header `quantity,value,weight,source`; `#` lines are comments).
    public static func parse(_ text: String, file: String) throws(CalibrationError) -> [CalibrationTarget] {
        var targets: [CalibrationTarget] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.first, header.trimmingCharacters(in: .whitespaces) == "quantity,value,weight,source" else {
            throw CalibrationError("\(file):1: expected the header quantity,value,weight,source")
        }
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4 else { throw CalibrationError("\(file):\(n + 1): expected 4 fields, got \(fields.count)") }
            guard let quantity = CalibrationQuantity(rawValue: fields[0]) else {
                throw CalibrationError("\(file):\(n + 1): quantity: unknown '\(fields[0])' (expected one of: \(CalibrationQuantity.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let value = Double(fields[1]), value > 0 else { throw CalibrationError("\(file):\(n + 1): value: expected a number > 0, got '\(fields[1])'") }
            guard let weight = Double(fields[2]), weight >= 0 else { throw CalibrationError("\(file):\(n + 1): weight: expected a number >= 0, got '\(fields[2])'") }
            targets.append(CalibrationTarget(quantity: quantity, value: value, weight: weight, source: fields[3]))
        }
        guard !targets.isEmpty else { throw CalibrationError("\(file): no targets") }
        return targets
    }
}

public struct CalibrationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A model quantity that can be compared with a published figure, computed from one
/// replication's summary (means over the periods after warm-up).
public enum CalibrationQuantity: String, CaseIterable, Sendable {
    /// Children helped by any service in a year, per child: (children in care at a
    /// moment + care episodes started in the year) / children. Counts episodes, not
    /// distinct children, so it reads a little high.
    case helpedShare = "helped_share"
    /// Same for residential care and placements under youth protection (with stay).
    case stayShare = "stay_share"
    /// New youth-protection orders per 1,000 children per year.
    case protectionInflowPer1000 = "protection_inflow_per_1000"
    /// Share of noticed needs referred by a GP.
    case gpReferralShare = "gp_referral_share"
    /// Share of noticed needs that came in through municipal access (team outreach, self-referral to the team, school, JGZ).
    case municipalReferralShare = "municipal_referral_share"
    /// Spending / income.
    case spendingToIncome = "spending_to_income"
    /// Mean wait for specialised ambulant care (days).
    case ambulantWaitDays = "ambulant_wait_days"

    /// `values`: summary metric values (MetricCatalog order); `years`: years after warm-up.
    public func value(_ values: [Double], years: Double) -> Double {
        func v(_ name: String) -> Double { values[MetricCatalog.index(name)] }
        let children = v("children")
        let services = ServiceKind.allCases
        switch self {
        case .helpedShare:
            let inCare = services.reduce(0) { $0 + v("in_care_\($1.key)") }
            let starts = services.reduce(0) { $0 + v("starts_\($1.key)") } / years
            return (inCare + starts) / children
        case .stayShare:
            return (v("out_of_home") + (v("starts_residential") + v("placements")) / years) / children
        case .protectionInflowPer1000:
            return v("crises") / years / children * 1000
        case .gpReferralShare, .municipalReferralShare:
            let total = Channel.allCases.reduce(0) { $0 + v("new_episodes_\($1.key)") }
            let part = self == .gpReferralShare ? v("new_episodes_gp")
                : v("new_episodes_team") + v("new_episodes_self") + v("new_episodes_school") + v("new_episodes_jgz")
            return total > 0 ? part / total : 0
        case .spendingToIncome:
            return v("spending_total_eur") / v("income_eur")
        case .ambulantWaitDays:
            return v("mean_wait_days_ambulant")
        }
    }
}
