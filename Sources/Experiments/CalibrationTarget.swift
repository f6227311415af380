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
    /// Distinct children with youth help (the team, specialised care, a placement) in a
    /// year, per child.
    case helpedShare = "helped_share"
    /// Distinct children with youth help with stay (residential care, a placement) in a year, per child.
    case stayShare = "stay_share"
    /// Distinct children with a youth-protection order in a year, per child.
    case protectionShare = "protection_share"
    /// New youth-protection orders per 1,000 children per year.
    case protectionInflowPer1000 = "protection_inflow_per_1000"
    /// Referrals to specialised care by a GP, as a share of those by a GP or the
    /// neighbourhood team (the two referrers the model has).
    case gpShareOfReferrals = "gp_share_of_referrals"
    /// Care episodes the neighbourhood team gives itself, as a share of the episodes
    /// started in the team, specialised ambulant and residential care.
    case teamShareOfStarts = "team_share_of_starts"
    /// Spending / income.
    case spendingToIncome = "spending_to_income"
    /// Mean wait for specialised ambulant care (days).
    case ambulantWaitDays = "ambulant_wait_days"

    /// `values`: summary metric values (MetricCatalog order); `years`: years after warm-up.
    public func value(_ values: [Double], years: Double) -> Double {
        func v(_ name: String) -> Double { values[MetricCatalog.index(name)] }
        let children = v("children")
        func ratio(_ part: Double, _ whole: Double) -> Double { whole > 0 ? part / whole : 0 }
        switch self {
        case .helpedShare:
            return v("users_youth_help") / years / children
        case .stayShare:
            return v("users_with_stay") / years / children
        case .protectionShare:
            return v("users_youth_protection") / years / children
        case .protectionInflowPer1000:
            return v("crises") / years / children * 1000
        case .gpShareOfReferrals:
            return ratio(v("referrals_gp"), v("referrals_gp") + v("referrals_team"))
        case .teamShareOfStarts:
            return ratio(v("starts_team"), v("starts_team") + v("starts_ambulant") + v("starts_residential"))
        case .spendingToIncome:
            return v("spending_total_eur") / v("income_eur")
        case .ambulantWaitDays:
            return v("mean_wait_days_ambulant")
        }
    }
}
