/// What a number must be, with the words used in error messages.
struct Expectation: Sendable {
    let text: String
    let accepts: @Sendable (Double) -> Bool

    static let probability = Expectation(text: "a probability between 0 and 1") { (0...1).contains($0) }
    static let fraction = Expectation(text: "a fraction between 0 and 1") { (0...1).contains($0) }
    static let nonNegative = Expectation(text: "a number >= 0") { $0 >= 0 }
    static let positive = Expectation(text: "a number > 0") { $0 > 0 }
    static let rate = Expectation(text: "a rate per year >= 0") { $0 >= 0 }
    static let money = Expectation(text: "an amount in euros >= 0") { $0 >= 0 }

    static func between(_ low: Double, _ high: Double) -> Expectation {
        Expectation(text: "a number between \(format(low)) and \(format(high))") { $0 >= low && $0 <= high }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
