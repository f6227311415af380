import Foundation
@testable import ScenarioIO
import Testing

/// The scan before the YAML library (`YAMLGuard`): anchors, aliases and deep nesting are
/// refused where they are written; `&` and `*` in text, quotes, comments and block
/// scalars are not anchors and pass.
@Suite struct YAMLGuardTests {
    static let refused: [(String, Int, Int, String)] = [
        ("a: &x 1\nb: 2\n", 1, 4, "YAML anchor '&x'"),
        ("a: 1\nb: *x\n", 2, 4, "YAML alias '*x'"),
        ("list:\n  - &first 1\n", 2, 5, "YAML anchor '&first'"),
        ("a: [1, *x]\n", 1, 8, "YAML alias '*x'"),
        ("a: {k: &v 1}\n", 1, 8, "YAML anchor '&v'"),
        ("a: !!str &x 1\n", 1, 10, "YAML anchor '&x'"),
        ("? &k key\n: 1\n", 1, 3, "YAML anchor '&k'"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", 1, 7, "YAML anchor '&b'"),
        ("--- &doc\na: 1\n", 1, 5, "YAML anchor '&doc'"),
        ("a: {\"k\":&v 1}\n", 1, 9, "YAML anchor '&v'"),
        ("a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n", 1, 67, "nested more than 64 levels deep"),
        ("a:\n" + (1...70).map { String(repeating: " ", count: 2 * $0) + "k\($0):\n" }.joined(), 65, 129, "nested more than 64 levels deep"),
        ("x:\n" + String(repeating: "- ", count: 70) + "1\n", 2, 129, "nested more than 64 levels deep"),
    ]

    @Test func anchorsAliasesAndDeepNestingAreRefusedWithTheirPlace() {
        for (text, line, column, message) in Self.refused {
            do {
                _ = try YAMLSource.parse(text, file: "t.yaml")
                Issue.record("accepted: \(text.prefix(60))")
            } catch {
                #expect(error.message.contains(message), "\(text.prefix(60)): \(error)")
                #expect(error.location.line == line, "\(text.prefix(60)): \(error)")
                if column > 0 { #expect(error.location.column == column, "\(text.prefix(60)): \(error)") }
            }
        }
    }

    static let accepted = [
        "description: Fish & chips, *not* an alias, a&b and a*b\n",
        "description: 'quoted &x and *y'\nother: \"also &x, *y and \\\" &z\"\n",
        "a: 1   # a comment with &anchor and *alias\n# &whole *line\n",
        "text: |\n  * a bullet\n  &not an anchor\n    - nor a list\nnext: 1\n",
        "folded: >-\n  *stars* and &amps\nnext: 2\n",
        "- item\n- key: value & more\n- [a, b, 'c*']\n",
        "url: http://example.org/a*b&c\n",
        "multi: 'a quote that goes on\n  &x over lines'\nafter: 1\n",
        "neg: -5\nq: ?x\ncolon: a:b\n",
        "flow: {a: 1, b: [2, 3], c: \"&x\"}\n",
        "list: [a&b, c*d]\n",
        "a: " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n",
    ]

    @Test func textWithAmpersandsAndStarsPasses() throws {
        for text in Self.accepted {
            do {
                _ = try YAMLSource.parse(text, file: "t.yaml")
            } catch {
                Issue.record("refused: \(text): \(error)")
            }
        }
    }

    @Test func utf8CheckNamesTheFirstBadByte() {
        #expect(YAMLGuard.firstInvalidUTF8(Array("plain ascii, é, €, 😀".utf8)) == nil)
        for (bytes, bad) in [([0x61, 0xFF], 1), ([0x61, 0xC0, 0xAF], 1), ([0xED, 0xA0, 0x80], 0), ([0x61, 0x62, 0xE2, 0x82], 2),
                             ([0xF4, 0x90, 0x80, 0x80], 0), ([0x80], 0)] as [([UInt8], Int)] {
            #expect(YAMLGuard.firstInvalidUTF8(bytes) == bad, "\(bytes)")
        }
        do {
            _ = try YAMLGuard.text(of: Array("a: 1\nb: x".utf8) + [0xFE] + Array("\n".utf8), file: "f.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "f.yaml", line: 2, column: 5), "\(error)")
            #expect(error.message.contains("byte 0xFE"), "\(error)")
        }
    }
}
