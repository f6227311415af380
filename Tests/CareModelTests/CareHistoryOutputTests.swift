@testable import CareModel
import Testing

/// The outputs read beside the national series: distinct users per year, stays ended,
/// the team's share, spending per child in care.
@Suite struct CareHistoryOutputTests {
    static let overrides = ["policies.open_entitlement.low_threshold.access_factor=1.5", "services.specialised_financing.per_day_drift.per_year=0.05",
                            "services.specialised_financing.per_day_drift.max_factor=1.2"]

    /// Distinct users are counted once a year whatever their episodes: each kind is at
    /// most the children ever in it, youth care is the union of help and protection.
    @Test func distinctUsersPerYearAreConsistent() throws {
        let i = MetricCatalog.index
        for r in try TestScenario.run(Self.overrides) {
            for year in Set(r.rows.map(\.periodStart.year)).sorted() {
                let rows = r.rows.filter { $0.periodStart.year == year }
                func total(_ m: String) -> Double { rows.reduce(0) { $0 + $1.values[i(m)] } }
                let help = total("users_youth_help"), without = total("users_without_stay"), stay = total("users_with_stay")
                let protection = total("users_youth_protection"), care = total("users_youth_care")
                #expect(without <= help && stay <= help && help <= without + stay, "\(year)")
                #expect(care >= max(help, protection) && care <= help + protection, "\(year)")
                // Spending per user, as of December: the year's spending over its users.
                let december = rows.last!.values[i("spending_per_user_eur")]
                #expect(abs(december - total("spending_total_eur") / care) <= 1e-9 * december, "\(year): \(december) \(total("spending_total_eur")) \(care)")
                for row in rows {
                    let share = row.values[i("team_share_in_care")]
                    #expect(share >= 0 && share <= 1)
                    #expect(row.values[i("in_youth_help")] >= row.values[i("in_care_team")])
                }
            }
        }
    }

    /// A child is counted once a year as a user of a kind of care, so the first year's users
    /// are at most the children in it on day 0 plus those who start in the year. Youth
    /// protection has no cap: a settled start's children in it began before the first
    /// budget year opened, and opening it once counted them a second time.
    @Test func aSettledStartCountsItsFirstYearsUsersOnce() throws {
        for r in try TestScenario.run(["horizon.initial_state=settled"] + Self.overrides) {
            let firstYear = r.rows.filter { $0.periodStart.year == r.rows[0].periodStart.year }
            func total(_ m: String) -> Double { firstYear.reduce(0) { $0 + $1.values[MetricCatalog.index(m)] } }
            /// In care on day 0 and starting during the first year.
            func everIn(_ service: String) -> Double {
                let first = r.rows[0].values
                func v(_ m: String) -> Double { first[MetricCatalog.index(m)] }
                let onDayZero = v("in_care_\(service)") - v("starts_\(service)") + v("stays_ended_\(service)")
                return onDayZero + total("starts_\(service)")
            }
            #expect(everIn("protection") > 0)
            #expect(total("users_youth_protection") <= everIn("protection"))
            #expect(total("users_without_stay") <= everIn("team") + everIn("ambulant"))
            #expect(total("users_with_stay") <= everIn("residential") + everIn("protection"))
        }
    }

    /// Every stay that started has ended or is still going: in care at the end = starts - stays ended.
    @Test func staysThatStartAreStaysThatEndOrGoOn() throws {
        for r in try TestScenario.run(Self.overrides) {
            for service in ServiceKind.allCases {
                let starts = TestScenario.column(r, "starts_\(service.key)").reduce(0, +)
                let ended = TestScenario.column(r, "stays_ended_\(service.key)").reduce(0, +)
                #expect(TestScenario.column(r, "in_care_\(service.key)").last == starts - ended, "\(service)")
                #expect(TestScenario.column(r, "mean_stay_days_ended_\(service.key)").allSatisfy { $0 >= 0 })
            }
        }
    }

    /// The per-child fields for the new outputs fit in the padding: a child stays 32 bytes.
    @Test func aChildIsStill32Bytes() {
        #expect(MemoryLayout<Child>.stride == 32)
    }

    /// The child records keep their values as the table grows past its reserve, and freed
    /// slots are reused with a new token.
    @Test func childRecordsGrowAndStayAligned() {
        var table = ChildTable(reserving: 3)
        for k in 0..<1000 { _ = table.add(birthDay: Double(-k), household: Int32(k / 3), risk: UInt8(k % 3), flags: 0) }
        #expect(table.all.count == 1000)
        #expect(table.all.indices.allSatisfy { table.all[$0].birthDay == Double(-$0) && table.all[$0].household == Int32($0 / 3) })
        table.all[500].token &+= 7
        table.remove(500)
        #expect(table.add(birthDay: 1, household: 0, risk: 0, flags: 0) == 500)
        #expect(table.all[500].token == 9 && table.all[500].birthDay == 1)
        table.all.prefetch(5_000) // out of range: ignored
    }

    /// A record table (children, households' care) starts on a 2 MiB boundary, so that huge
    /// pages can back it, and keeps its records as it grows past several of them.
    @Test func recordTablesStartOnHugePagesAndGrow() {
        let care = RecordTable<HouseholdCare>(reserving: 10)
        for k in 0..<1_500_000 { care.append(HouseholdCare(teamChildren: UInt16(k % 5), otherEpisodes: UInt16(k % 7))) }
        #expect(care.count == 1_500_000)  // 6 MB: three 2 MiB pages
        #expect(care.indices.allSatisfy { care[$0].teamChildren == UInt16($0 % 5) && care[$0].otherEpisodes == UInt16($0 % 7) })
        care[1_234_567].add(.residential, 1)
        #expect(care[1_234_567].otherEpisodes == UInt16(1_234_567 % 7) + 1)
        let start = withUnsafeMutablePointer(to: &care[0]) { UInt(bitPattern: $0) }
        #expect(start % (2 << 20) == 0)
    }
}
