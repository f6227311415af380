import Testing
@testable import Charts

@Suite struct ScaleTests {
    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(LinearScale.niceStep(span: 10, count: 5) == 2)
        #expect(LinearScale.niceStep(span: 1, count: 5) == 0.2)
        #expect(LinearScale.niceStep(span: 45_000, count: 6) == 10_000)
        #expect(LinearScale.niceStep(span: 7, count: 5) == 2)
        #expect(LinearScale.niceStep(span: 0.03, count: 6) == 0.005)
    }

    @Test func niceDomainHoldsTheDataOnWholeSteps() {
        let n = LinearScale.nice(3.2, 47.9, count: 5)
        #expect(n.step == 10)
        #expect(n.domain == 0...50)
        let z = LinearScale.nice(12, 18, count: 6, includeZero: true)
        #expect(z.domain.lowerBound == 0 && z.domain.upperBound >= 18)
        let negative = LinearScale.nice(-3.5, 2.1, count: 5)
        #expect(negative.domain.lowerBound <= -3.5 && negative.domain.upperBound >= 2.1)
    }

    @Test func ticksAreRoundedToTheStep() {
        let ticks = LinearScale.ticks(0...1, step: 0.1)
        #expect(ticks.count == 11)
        #expect(ticks[3] == 0.3)
        #expect(ticks.last == 1)
        #expect(LinearScale.ticks(-10...10, step: 5) == [-10, -5, 0, 5, 10])
    }

    @Test func aDomainOfOneValueIsWidened() {
        let single = LinearScale.nice(5, 5)
        #expect(single.domain.lowerBound < 5 && single.domain.upperBound > 5)
        let zero = LinearScale.nice(0, 0, includeZero: true)
        #expect(zero.domain == 0...1)
        // A count that is constant stays above zero with includeZero.
        #expect(LinearScale.nice(3, 3, includeZero: true).domain.lowerBound == 0)
    }

    @Test func linearScaleMapsAndFlips() {
        let s = LinearScale(domain: 0...10, range: 100...200)
        #expect(s(0) == 100 && s(5) == 150 && s(10) == 200)
        let f = LinearScale(domain: 0...10, range: 100...200, flipped: true)
        #expect(f(0) == 200 && f(10) == 100)
        #expect(LinearScale(domain: 3...3, range: 0...10)(3) == 5)
    }

    @Test func datesBecomeFractionalYears() {
        #expect(TimeScale.year(iso: "2015-01-01") == 2015)
        #expect(TimeScale.year(iso: "2016-07-01")! > 2016.49 && TimeScale.year(iso: "2016-07-01")! < 2016.51)
        #expect(TimeScale.year(iso: "2015-02-29") == nil)
        #expect(TimeScale.year(iso: "2015-13-01") == nil)
        #expect(TimeScale.year(iso: "nonsense") == nil)
    }

    @Test func timeTicksAreWholeYearsOrQuarters() {
        let years = TimeScale(domain: 2010...2030, range: 0...800).ticks()
        #expect(years.map(\.label) == ["2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026", "2028", "2030"])
        let few = TimeScale(domain: 2014...2019, range: 0...800).ticks()
        #expect(few.map(\.value) == [2014, 2015, 2016, 2017, 2018, 2019])
        let quarters = TimeScale(domain: 2015...2016, range: 0...800).ticks()
        #expect(quarters.map(\.label) == ["Jan 2015", "Apr 2015", "Jul 2015", "Oct 2015", "Jan 2016"])
    }

    @Test func numbersAreFormattedWithFixedPrecision() {
        #expect(Format.number(45000, decimals: 0) == "45,000")
        #expect(Format.number(-1234567.891, decimals: 1) == "-1,234,567.9")
        #expect(Format.number(-0.0001, decimals: 2) == "0.00")
        #expect(Format.coordinate(-0.001) == "0.00")
        #expect(Format.coordinate(1.0 / 3) == "0.33")
        #expect(Format.coordinate(-12.345678) == "-12.35")
        #expect(Format.coordinate(7) == "7.00")
        #expect(Format.coordinate(0.05) == "0.05")
        #expect(Format.coordinate(-0.5) == "-0.50")
        #expect(Format.decimals(forStep: 0.25) == 2)
        #expect(Format.decimals(forStep: 5) == 0)
        #expect(Format.escape("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
    }
}
