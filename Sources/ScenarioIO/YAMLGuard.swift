/// Checks scenario text before the YAML library reads it, so that hostile or broken
/// input is refused cheaply with a file:line:column message instead of exhausting
/// memory or the stack:
///
/// - **size**: at most `maxBytes` (1 MiB; the baseline is about 30 KB);
/// - **UTF-8**: the first byte that is not UTF-8 is named by line and column;
/// - **anchors and aliases** (`&name`, `*name`): refused where they are written, before
///   the library could expand them (a "billion laughs" file of nested aliases expands to
///   gigabytes);
/// - **nesting**: at most `maxDepth` (64) blocks and lists inside each other.
///
/// The scan follows YAML's token rules closely enough for scenario files (quotes,
/// comments, block scalars `|` and `>`, flow collections `[...]` and `{...}`);
/// `YAMLSource.convert` checks anchors and depth again on the parsed nodes.
enum YAMLGuard {
    static let maxBytes = 1 << 20
    static let maxDepth = 64

    /// The text of `bytes`, or an error naming the first byte that is not UTF-8.
    static func text(of bytes: [UInt8], file: String) throws(ScenarioError) -> String {
        guard bytes.count <= maxBytes else { throw tooLarge(bytes.count, file: file) }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: bad, in: bytes)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            throw ScenarioError(SourceLocation(file: file, line: line, column: column), "",
                                "the file is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte offset \(bad) is not valid UTF-8 (save the file as UTF-8)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func tooLarge(_ size: Int, file: String) -> ScenarioError {
        ScenarioError(SourceLocation(file: file, line: 0, column: 0), "",
                      "the file is \(size > maxBytes ? "larger than" : "") \(maxBytes) bytes (1 MiB), the most a scenario file may have; a scenario is a few dozen kilobytes")
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence
    /// (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            var length = 0
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: return i
            }
            // A sequence cut short or with a wrong continuation: its first byte is the bad one.
            for k in 1..<length {
                guard i + k < b.count else { return i }
                let range: ClosedRange<UInt8> = k == 1 ? second : 0x80...0xBF
                guard range.contains(b[i + k]) else { return i }
            }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: - The token scan

    /// Refuses anchors, aliases and nesting deeper than `maxDepth` in `text`.
    static func scan(_ text: String, file: String) throws(ScenarioError) {
        guard text.utf8.count <= maxBytes else { throw tooLarge(text.utf8.count, file: file) }
        var scanner = Scanner(file: file)
        var line: [UInt8] = []
        line.reserveCapacity(256)
        for byte in text.utf8 {
            if byte == 0x0A {
                try scanner.line(line)
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        try scanner.line(line)
    }

    private enum Quote { case none, single, double }

    private struct Scanner {
        let file: String
        var lineNumber = 0
        var flow = 0
        /// Indentation of the open block collections (block context).
        var blocks: [Int] = []
        var quote = Quote.none
        /// Inside a block scalar (`|` or `>`): the indentation of the line that opened it,
        /// and of its content once known.
        var blockScalar: (parent: Int, content: Int?)?
        /// Whether the next token starts a node (where `&`, `*`, `|`, `>`, `-` are indicators).
        var atNodeStart = true
        /// Just after a quoted scalar, where in a flow collection `:` needs no space after it.
        var afterQuote = false

        init(file: String) { self.file = file }

        func error(_ column: Int, _ message: String) -> ScenarioError {
            ScenarioError(SourceLocation(file: file, line: lineNumber, column: column), "", message)
        }

        mutating func checkDepth(_ column: Int) throws(ScenarioError) {
            if blocks.count + flow > YAMLGuard.maxDepth {
                throw error(column, "nested more than \(YAMLGuard.maxDepth) levels deep; a scenario needs about 6")
            }
        }

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
        static func isFlowIndicator(_ c: UInt8) -> Bool { c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") }

        /// Column (1-based, in characters) of byte `i` of `l`.
        static func column(_ i: Int, _ l: [UInt8]) -> Int {
            var column = 1
            for byte in l[..<i] where byte & 0xC0 != 0x80 { column += 1 }
            return column
        }

        mutating func line(_ l: [UInt8]) throws(ScenarioError) {
            lineNumber += 1
            var indent = 0
            while indent < l.count && l[indent] == 0x20 { indent += 1 }
            let blank = l[indent...].allSatisfy(Self.isSpace)
            if let open = blockScalar {
                if blank { return }
                if let content = open.content {
                    if indent >= content { return }
                } else if indent > open.parent {
                    blockScalar = (open.parent, indent)
                    return
                }
                blockScalar = nil
            }
            var i = indent
            if quote == .none && flow == 0 {
                if blank || l[indent] == UInt8(ascii: "#") { return }
                if indent == 0 && l.first == UInt8(ascii: "%") { return }   // a directive
                // A document marker, possibly followed by a node on the same line.
                if indent == 0 && l.count >= 3 && (l[0...2] == [0x2D, 0x2D, 0x2D] || l[0...2] == [0x2E, 0x2E, 0x2E])
                    && (l.count == 3 || Self.isSpace(l[3])) {
                    i = 3
                    blocks.removeAll()
                }
                while let top = blocks.last, top > indent { blocks.removeLast() }
                if blocks.last != indent { blocks.append(indent) }
                try checkDepth(indent + 1)
                atNodeStart = true
            }
            while i < l.count {
                let c = l[i]
                switch quote {
                case .single:
                    if c == UInt8(ascii: "'") {
                        if i + 1 < l.count && l[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        quote = .none
                        afterQuote = true
                    }
                    i += 1
                    continue
                case .double:
                    if c == UInt8(ascii: "\\") { i += 2; continue }
                    if c == UInt8(ascii: "\"") {
                        quote = .none
                        afterQuote = true
                    }
                    i += 1
                    continue
                case .none:
                    break
                }
                if Self.isSpace(c) { i += 1; continue }
                let quoted = afterQuote
                afterQuote = false
                if c == UInt8(ascii: "#") && (i == 0 || Self.isSpace(l[i - 1])) { return }   // a comment
                let next: UInt8? = i + 1 < l.count ? l[i + 1] : nil
                let spaceOrEnd = next.map(Self.isSpace) ?? true
                if atNodeStart {
                    switch c {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        if !spaceOrEnd {
                            let what = c == UInt8(ascii: "&") ? "anchor" : "alias"
                            var end = i + 1
                            while end < l.count && !Self.isSpace(l[end]) && !Self.isFlowIndicator(l[end]) { end += 1 }
                            let name = String(decoding: l[i..<min(end, i + 40)], as: UTF8.self)
                            throw error(Self.column(i, l), "YAML \(what) '\(name)': anchors (&name) and aliases (*name) are not supported in scenario files; write the value out (or put text that starts with & or * in quotes)")
                        }
                        atNodeStart = false
                    case UInt8(ascii: "!"):
                        // A tag: the node follows it.
                        while i < l.count && !Self.isSpace(l[i]) { i += 1 }
                        continue
                    case UInt8(ascii: "\""):
                        quote = .double
                        atNodeStart = false
                    case UInt8(ascii: "'"):
                        quote = .single
                        atNodeStart = false
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flow += 1
                        try checkDepth(Self.column(i, l))
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        flow = max(0, flow - 1)
                        atNodeStart = false
                    case UInt8(ascii: ","):
                        break
                    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                        // Not followed by a space: the start of a plain scalar such as -5.
                        guard spaceOrEnd else { atNodeStart = false; break }
                        if flow == 0 && c != UInt8(ascii: ":") {
                            // A compact nested entry: its node starts at the next token.
                            var k = i + 1
                            while k < l.count && Self.isSpace(l[k]) { k += 1 }
                            if k < l.count {
                                while let top = blocks.last, top > k { blocks.removeLast() }
                                if blocks.last != k { blocks.append(k) }
                                try checkDepth(Self.column(k, l))
                            }
                        }
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        guard flow == 0 else { atNodeStart = false; break }
                        blockScalar = (indent, nil)
                        return
                    default:
                        atNodeStart = false
                    }
                    i += 1
                    continue
                }
                // Inside a plain scalar, or after a quoted one or a closed collection.
                if c == UInt8(ascii: ":") && (spaceOrEnd || (flow > 0 && (quoted || next.map(Self.isFlowIndicator) == true))) {
                    atNodeStart = true
                } else if flow > 0 {
                    switch c {
                    case UInt8(ascii: ","): atNodeStart = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flow += 1
                        atNodeStart = true
                        try checkDepth(Self.column(i, l))
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
                    default: break
                    }
                }
                i += 1
            }
            if flow == 0 && quote == .none { atNodeStart = true }
        }
    }
}
