import CareModel
import Reporting

/// What the page is told about a comparison: its progress and, when more pairs have
/// finished than the page has seen, the charts, headline numbers and a household's story.
public struct Snapshot: Sendable, Encodable {
    public struct Figure: Sendable, Encodable {
        public let name: String
        public let title: String
        public let svg: String

        init(_ f: RunReport.Figure, name: String? = nil) {
            self.name = name ?? f.name
            title = f.title
            svg = f.svg
        }
    }

    public struct Story: Sendable, Encodable {
        public let timeline: Figure
        /// The household's story in plain language (Markdown, as stories.md).
        public let text: String
    }

    public struct View: Sendable, Encodable {
        /// Per quantity: A and B overlaid with their bands, then the paired difference B − A.
        public let figures: [Figure]
        public let headlineHeader: [String]
        public let headline: [[String]]
        public let storyA: Story?
        public let storyB: Story?

        init(plan: ExplorePlan, a: [ReplicationResult], b: [ReplicationResult]) throws {
            let dataA = ReportData(scenario: plan.nameA, results: a)
            let dataB = ReportData(scenario: plan.nameB, results: b)
            figures = try CompareReport.figures([dataA, dataB]).map { Figure($0) }
            headlineHeader = CompareReport.headlineHeader
            headline = CompareReport.headline(dataA, dataB)
            if let bookA = a.first?.stories, let bookB = b.first?.stories, let household = HouseholdStory.pick(bookA, bookB, parameters: plan.a) {
                storyA = try HouseholdStory.story(bookA, household: household, parameters: plan.a, side: "A")
                storyB = try HouseholdStory.story(bookB, household: household, parameters: plan.b, side: "B")
            } else {
                storyA = nil
                storyB = nil
            }
        }
    }

    public let id: String
    public let status: LiveComparison.Status
    /// Pairs of replications finished (A and B on the same random numbers).
    public let pairs: Int
    /// Pairs in the charts (drawn at steps: `LiveComparison.isDrawn`).
    public let drawnPairs: Int
    public let replications: Int
    public let seconds: Double
    /// Seconds from the request to the first finished pair, and to the last.
    public let firstCurveSeconds: Double?
    public let allSeconds: Double?
    public let message: String?
    /// Nil when the page has already seen charts of this many pairs (or more finished since).
    public let view: View?
}

/// The household whose story the page tells under A and under B: the same household
/// (the stories' own random stream draws the same one when the population is the
/// same), chosen among those told for the one whose years differ most between A and B.
enum HouseholdStory {
    static func entries(_ book: StoryBook, household: Int, from: Double) -> [(Double, StoryBook.Event)] {
        book.entries.filter { $0.time >= from && book.children[$0.child].household == household }.map { ($0.time, $0.event) }
    }

    static func pick(_ a: StoryBook, _ b: StoryBook, parameters p: ModelParameters) -> Int? {
        let from = Double(p.horizon.warmupUntil.daysSinceEpoch - p.horizon.start.daysSinceEpoch)
        let shared = a.households.filter { b.households.contains($0) }
        return shared.max { x, y in score(a, b, x, from) < score(a, b, y, from) }
    }

    /// Events told under A and B, with a large bonus when the two stories differ.
    static func score(_ a: StoryBook, _ b: StoryBook, _ household: Int, _ from: Double) -> Int {
        let ea = entries(a, household: household, from: from), eb = entries(b, household: household, from: from)
        let same = ea.count == eb.count && zip(ea, eb).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        return ea.count + eb.count + (same ? 0 : 10_000)
    }

    static func story(_ book: StoryBook, household: Int, parameters: ModelParameters, side: String) throws -> Snapshot.Story {
        var one = book
        one.households = [household]
        let figure = try StoriesTimeline.figure(one, parameters: parameters, title: "Under \(side): one household's years",
                                                caption: "The same household under A and under B (replication 0, the same random history): one row per child; upper track its need, lower track waiting (outline) or in care (coloured by service); diamonds: crises.")
        return Snapshot.Story(timeline: Snapshot.Figure(figure, name: "story_\(side.lowercased())"),
                              text: StoriesDocument.markdown(one, parameters: parameters))
    }
}
