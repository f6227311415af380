import CareModel

/// A published figure the model is fitted to, as one row of a targets CSV:
/// `quantity,value,weight,source`, or `year,quantity,value,weight,source` when figures
/// belong to budget years (a history: the same quantity in several years). A row
/// without a year is compared with the whole horizon after warm-up.
public struct CalibrationTarget: Sendable, Equatable {
    /// The budget year the figure describes; nil: the mean over the horizon after warm-up.
    public let year: Int?
    public let quantity: CalibrationQuantity
    public let value: Double
    public let weight: Double
    public let source: String

    public init(year: Int? = nil, quantity: CalibrationQuantity, value: Double, weight: Double, source: String) {
        self.year = year
        self.quantity = quantity
        self.value = value
        self.weight = weight
        self.source = source
    }

    static let header = "quantity,value,weight,source"
    static let datedHeader = "year,quantity,value,weight,source"

    /// Parses a targets CSV (header `quantity,value,weight,source`, optionally led by
    /// `year`; `#` lines are comments).
    public static func parse(_ text: String, file: String) throws(CalibrationError) -> [CalibrationTarget] {
        var targets: [CalibrationTarget] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.first?.trimmingCharacters(in: .whitespaces) ?? ""
        guard header == Self.header || header == Self.datedHeader else {
            throw CalibrationError("\(file):1: expected the header \(Self.header) (or \(Self.datedHeader))")
        }
        let dated = header == Self.datedHeader
        let count = dated ? 5 : 4
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
            var fields = line.split(separator: ",", maxSplits: count - 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == count else { throw CalibrationError("\(file):\(n + 1): expected \(count) fields, got \(fields.count)") }
            var year: Int?
            if dated {
                let field = fields.removeFirst()
                if !field.isEmpty {
                    guard let y = Int(field), (1900...2100).contains(y) else {
                        throw CalibrationError("\(file):\(n + 1): year: expected a year such as 2014 (or nothing: the whole horizon), got '\(field)'")
                    }
                    year = y
                }
            }
            guard let quantity = CalibrationQuantity(rawValue: fields[0]) else {
                throw CalibrationError("\(file):\(n + 1): quantity: unknown '\(fields[0])' (expected one of: \(CalibrationQuantity.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let value = Double(fields[1]), value > 0 else { throw CalibrationError("\(file):\(n + 1): value: expected a number > 0, got '\(fields[1])'") }
            guard let weight = Double(fields[2]), weight >= 0 else { throw CalibrationError("\(file):\(n + 1): weight: expected a number >= 0, got '\(fields[2])'") }
            targets.append(CalibrationTarget(year: year, quantity: quantity, value: value, weight: weight, source: fields[3]))
        }
        guard !targets.isEmpty else { throw CalibrationError("\(file): no targets") }
        return targets
    }

    /// Refuses targets dated outside the reported years of `horizon` (a year must lie
    /// whole after warm-up and before the end).
    public static func check(_ targets: [CalibrationTarget], horizon: Horizon, file: String) throws(CalibrationError) {
        let first = horizon.warmupUntil.year, last = horizon.end.year - 1
        for target in targets {
            guard let year = target.year else { continue }
            guard (first...max(first, last)).contains(year), last >= first else {
                throw CalibrationError("\(file): \(target.quantity.rawValue) in \(year): the scenario reports only the budget years \(first)–\(last) (horizon.warmup_until to horizon.end); move the horizon or drop the row")
            }
        }
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
    /// Children on the specialised waiting lists (ambulant and residential), mean over the
    /// periods, per child.
    case waitingShare = "waiting_share"
    /// Children on the specialised waiting lists who have waited more than 9 weeks, mean
    /// over the periods, per child (as waiting_list_9w_2008 counts them, on one day).
    case longWaitShare = "long_wait_share"

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
        case .waitingShare:
            return (v("waiting_ambulant") + v("waiting_residential")) / children
        case .longWaitShare:
            return v("waiting_over_9_weeks") / children
        }
    }
}
