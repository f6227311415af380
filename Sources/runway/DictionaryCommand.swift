import ArgumentParser
import Reporting

struct DictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dictionary",
        abstract: "Print the data dictionary of the output files (Markdown).")

    func run() throws {
        print(DataDictionary.markdown(), terminator: "")
    }
}
