import CareModel
import Charts

/// The stories (`--stories N`) as a timeline: one row per child of the sampled
/// households, its need level on the upper track and its waiting and care on the lower,
/// from the end of the warm-up (or birth) to the horizon's end (or leaving youth care).
public enum StoriesTimeline {
    static let needColors = ["#BDD7E7", "#6BAED6", "#08519C"]

    static func serviceColor(_ s: ServiceKind) -> String {
        switch s {
        case .jgzEarlyHelp: Palette.orange
        case .schoolCare: Palette.skyBlue
        case .neighbourhoodTeam: Palette.bluishGreen
        case .specialisedAmbulant: Palette.vermillion
        case .residential: Palette.reddishPurple
        case .youthProtection: Palette.black
        }
    }

    static let categories: [TimelineChart.Category] =
        ["light need", "moderate need", "severe need"].enumerated().map { TimelineChart.Category(name: $1, color: needColors[$0], track: 0) }
        + ServiceKind.allCases.map { TimelineChart.Category(name: "in \($0.displayName)", color: serviceColor($0), track: 1) }
        + [TimelineChart.Category(name: "waiting for care", color: "#555555", track: 1, hollow: true)]
    static let waitingCategory = 3 + ServiceKind.allCases.count

    /// `title` and `caption` replace the report's own (the workshop page shows one household).
    public static func figure(_ book: StoryBook, parameters p: ModelParameters, title: String? = nil, caption: String? = nil) throws -> RunReport.Figure {
        let start = p.horizon.start.daysSinceEpoch
        let from = Double(p.horizon.warmupUntil.daysSinceEpoch - start)
        let end = Double(p.horizon.end.daysSinceEpoch - start)
        let origin = TimeScale.year(iso: p.horizon.start.description) ?? 0
        func year(_ t: Double) -> Double { origin + t / 365.25 }
        var rows: [TimelineChart.Row] = []
        for (n, household) in book.households.enumerated() {
            let members = book.children.indices.filter { book.children[$0].household == household }
            for (k, child) in members.enumerated() {
                let entries = book.entries.filter { $0.child == child && $0.time >= from }
                var spans: [TimelineChart.Span] = []
                var marks: [(x: Double, label: String)] = []
                var need = 0, needSince = max(from, book.children[child].birthDay)
                var place: (service: ServiceKind, waiting: Bool)? = nil
                var placeSince = needSince
                func setNeed(_ level: Int, _ t: Double) {
                    if need > 0 && t > needSince { spans.append(.init(start: year(needSince), end: year(t), category: need - 1)) }
                    need = level
                    needSince = t
                }
                func setPlace(_ new: (service: ServiceKind, waiting: Bool)?, _ t: Double) {
                    if let place, t > placeSince {
                        spans.append(.init(start: year(placeSince), end: year(t), category: place.waiting ? waitingCategory : 3 + place.service.rawValue))
                    }
                    place = new
                    placeSince = t
                }
                var last = end
                for e in entries {
                    switch e.event {
                    case .status(let level, let service, let waiting):
                        setNeed(level, e.time)
                        setPlace(service.map { ($0, waiting) }, e.time)
                    case .onset: setNeed(1, e.time)
                    case .escalated(let to): setNeed(to, e.time)
                    case .resolvedByItself: setNeed(0, e.time)
                    case .lever(let line): if line.resolvesNeed { setNeed(0, e.time) }
                    case .waiting(let s): setPlace((s, true), e.time)
                    case .started(let s, _): setPlace((s, false), e.time)
                    case .ended(_, let resolved):
                        setPlace(nil, e.time)
                        if resolved { setNeed(0, e.time) }
                    case .gaveUp, .lostInHandover: setPlace(nil, e.time)
                    case .transferredBetweenJGZ(let lost): if lost { setPlace(nil, e.time) }
                    case .crisis: marks.append((year(e.time), "crisis"))
                    case .left: last = e.time
                    case .noticed, .placed, .turnedAtReview: break
                    }
                    if case .left = e.event { break }
                }
                setNeed(0, last)
                setPlace(nil, last)
                rows.append(TimelineChart.Row(label: "\(n + 1) \(Character(UnicodeScalar(65 + k % 26)!))", spans: spans, marks: marks))
            }
        }
        let frame = ChartFrame(title: title ?? "Stories: each child's years", xLabel: "date", yLabel: "household and child",
                               caption: caption ?? "The \(book.households.count) households of stories.md (replication 0, drawn at random among those with children at the end of the warm-up), one row per child, labelled by household number and child letter as in stories.md. Upper track: the child's need (blank: no need); lower track: in care (solid, coloured by service) or waiting for care (outline); diamonds: crises. From the end of the warm-up, or birth, to the horizon's end, or leaving youth care.")
        let chart = try TimelineChart(frame: frame, categories: categories, rows: rows,
                                      domain: year(from)...year(end), markName: "crisis")
        return RunReport.Figure(name: "stories", title: frame.title, svg: chart.svg())
    }
}
