/// The text of `--help` and of the usage line under an error, wrapped to 80 columns.
enum HelpText {
    static let width = 79
    /// Where an option's or argument's help starts.
    static let column = 26

    static func help(_ path: [any CommandNode.Type], options declared: (options: [OptionSpec], positionals: [ArgumentSpec])) -> String {
        let info = path.last!.info
        var out = wrap(info.abstract, first: "OVERVIEW: ", rest: "") + "\n"
        if !info.discussion.isEmpty {
            // Each line of the discussion is filled on its own; a blank line stays one.
            out += "\n" + info.discussion.split(separator: "\n", omittingEmptySubsequences: false)
                .map { wrap(String($0), first: "", rest: "") }.joined(separator: "\n") + "\n"
        }
        out += "\nUSAGE: " + usage(path, options: declared) + "\n"
        if !declared.positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in declared.positionals {
                out += entry("<\(argument.name)>" + (argument.arity == .many ? " ..." : ""), argument.help)
            }
        }
        out += "\nOPTIONS:\n"
        for option in declared.options {
            var help = option.help
            var notes: [String] = []
            if !option.choices.isEmpty { notes.append("values: " + option.choices.joined(separator: ", ")) }
            if let text = option.defaultText, !text.isEmpty { notes.append("default: " + text) }
            if !notes.isEmpty { help += " (" + notes.joined(separator: "; ") + ")" }
            var names = option.short.map { "-\($0), --\(option.long)" } ?? "--\(option.long)"
            if let value = option.valueName { names += " <\(value)>" }
            out += entry(names, help)
        }
        if path.count == 1, info.version != nil { out += entry("--version", "Show the version.") }
        out += entry("-h, --help", "Show help information.")
        if !info.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for sub in info.subcommands { out += entry(sub.info.name, sub.info.abstract) }
            let names = path.map { $0.info.name }
            out += "\n  See '" + ([names[0], "help"] + names.dropFirst()).joined(separator: " ") + " <subcommand>' for detailed help.\n"
        }
        return out
    }

    /// `draftcheck review [<options>] <file> [<more> ...]`.
    static func usage(_ path: [any CommandNode.Type], options declared: (options: [OptionSpec], positionals: [ArgumentSpec])) -> String {
        var words = path.map { $0.info.name }
        if !path.last!.info.subcommands.isEmpty { words.append("<subcommand>") }
        for option in declared.options where option.required { words.append(option.synopsis) }
        if declared.options.contains(where: { !$0.required }) { words.append("[<options>]") }
        for argument in declared.positionals {
            switch argument.arity {
            case .one: words.append("<\(argument.name)>")
            case .optional: words.append("[<\(argument.name)>]")
            case .many: words.append("[<\(argument.name)> ...]")
            }
        }
        return words.joined(separator: " ")
    }

    /// 'a', 'b' or 'c'.
    static func quotedList(_ items: [String]) -> String {
        let quoted = items.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    /// `  NAME                    help wrapped under the column`.
    private static func entry(_ name: String, _ help: String) -> String {
        let lead = "  " + name
        if lead.count < column {
            return wrap(help, first: lead + String(repeating: " ", count: column - lead.count), rest: String(repeating: " ", count: column)) + "\n"
        }
        return lead + "\n" + wrap(help, first: String(repeating: " ", count: column), rest: String(repeating: " ", count: column)) + "\n"
    }

    /// Words filled to `width`, the first line after `first`, the others after `rest`.
    static func wrap(_ text: String, first: String, rest: String) -> String {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
