import Foundation
import Reporting
import Synchronization

/// Keeps every rounds session as a small JSON file, `<output>/sessions/<code>.json`, so
/// that a session survives a restart of `runway serve`: written whole (atomically) after
/// every change, read when the server starts, deleted when the session expires.
///
/// Only what cannot be recomputed is kept: the code, the keys, the groups with their
/// decisions per year and the round reached. The played paths are simulated again from
/// the decisions when the server starts (common random numbers give the same numbers).
final class SessionStore: Sendable {
    /// What a session file holds.
    struct Record: Codable, Equatable {
        struct Group: Codable, Equatable {
            let id: Int
            let name: String
            /// Per budget year (as text: JSON keys), every round lever's value.
            let decisions: [String: [String: String]]
        }
        var version = 1
        let code: String
        let facilitatorKey: String
        let scenario: String
        let years: [Int]
        let replications: Int
        let round: Int
        let groups: [Group]
        /// Group tokens (a group's phone keeps its token) to group ids.
        let tokens: [String: Int]
        let lastUsed: Date

        /// Whether the record holds together (groups numbered 1, 2, … in order, every token a
        /// group's, some years): a file edited by hand that does not is left alone, never trusted.
        var isWhole: Bool {
            !years.isEmpty && groups.enumerated().allSatisfy { $0.offset + 1 == $0.element.id }
                && tokens.values.allSatisfy { (1...max(1, groups.count)).contains($0) && !groups.isEmpty }
        }
    }

    let folder: URL
    /// One write at a time, so that a later state is never overwritten by an earlier one.
    private let writing = Mutex(())

    init(outputFolder: String) {
        folder = URL(fileURLWithPath: outputFolder).appendingPathComponent("sessions")
    }

    func url(_ code: String) -> URL { folder.appendingPathComponent("\(code).json") }

    /// Writes the session's state as it is now. A failure is reported on standard error
    /// and does not stop the workshop (the session goes on in memory).
    func save(_ session: RoundSession) {
        writing.withLock { _ in
            do {
                try FileIO.createFolder(folder)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                try FileIO.writeAtomically(try encoder.encode(session.record), to: url(session.code), temporaryFolder: folder)
            } catch {
                FileHandle.standardError.write(Data("runway serve: could not keep session \(session.code) on disk: \(error)\n".utf8))
            }
        }
    }

    func remove(_ code: String) {
        writing.withLock { _ in try? FileIO.remove(url(code)) }
    }

    /// Every session file that reads back (a damaged or foreign file is reported and left alone).
    func load() -> [Record] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var records: [Record] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            do {
                let record = try decoder.decode(Record.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
                guard name == "\(record.code).json", record.isWhole else {
                    FileHandle.standardError.write(Data("runway serve: session file \(name) does not hold together, left alone\n".utf8))
                    continue
                }
                records.append(record)
            } catch {
                FileHandle.standardError.write(Data("runway serve: session file \(name) could not be read, left alone: \(error)\n".utf8))
            }
        }
        return records
    }
}
