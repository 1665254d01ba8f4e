/// Resolves a command line against a tree of commands: the subcommand path, then the
/// options and arguments of the command it names.
public enum CommandLineParser {
    public enum Outcome {
        /// The command, its arguments read and validated.
        case run(any Command)
        /// `--help`, `-h`, `help SUBCOMMAND...`, or a group named without a subcommand:
        /// the text for standard output (exit 0).
        case help(String)
        /// `--version` on the root command.
        case version(String)
        /// The command line is refused: the message, the command it was meant for
        /// ("draftcheck review") and its usage (exit 64).
        case usageError(message: String, command: String, usage: String)
    }

    public static func parse(_ arguments: [String], root: any CommandNode.Type) -> Outcome {
        var path: [any CommandNode.Type] = [root]
        var rest = arguments[...]
        // `draftcheck help review` is `draftcheck review --help`.
        if rest.first == "help" {
            rest = rest.dropFirst()
            while let word = rest.first, let sub = path.last!.info.subcommands.first(where: { $0.info.name == word }) {
                path.append(sub)
                rest = rest.dropFirst()
            }
            return .help(HelpText.help(path, options: declaredOptions(path.last!)))
        }
        while let word = rest.first, let sub = path.last!.info.subcommands.first(where: { $0.info.name == word }) {
            path.append(sub)
            rest = rest.dropFirst()
        }
        let node = path.last!
        guard let command = node.runnable else {
            // A group: its subcommands, or help.
            if rest.isEmpty || rest.contains(where: { $0 == "--help" || $0 == "-h" }) {
                return .help(HelpText.help(path, options: ([], [])))
            }
            if path.count == 1, let version = root.info.version, rest.first == "--version" { return .version(version) }
            let word = rest.first!
            return .usageError(message: word.hasPrefix("-") ? "Unknown option '\(word)'" : "Unexpected argument '\(word)'",
                               command: name(path), usage: HelpText.usage(path, options: ([], [])))
        }
        let declared = declaredOptions(command)
        do {
            guard let values = try assign(rest, options: declared.options, positionals: declared.positionals) else {
                return .help(HelpText.help(path, options: declared))
            }
            var reader = ArgumentReader(.reading(values))
            let parsed = try command.init(&reader)
            try parsed.validate()
            return .run(parsed)
        } catch let error as UsageError {
            return .usageError(message: error.message, command: name(path), usage: HelpText.usage(path, options: declared))
        } catch {
            return .usageError(message: "\(error)", command: name(path), usage: HelpText.usage(path, options: declared))
        }
    }

    private static func name(_ path: [any CommandNode.Type]) -> String {
        path.map { $0.info.name }.joined(separator: " ")
    }

    /// The options and arguments a command declares, learnt by running its `init` once with
    /// a reader that answers defaults.
    static func declaredOptions(_ node: any CommandNode.Type) -> (options: [OptionSpec], positionals: [ArgumentSpec]) {
        guard let command = node.runnable else { return ([], []) }
        var reader = ArgumentReader(.describing)
        _ = try? command.init(&reader)
        return (reader.options, reader.positionals)
    }

    /// The values of each option and argument; nil when help was asked for.
    static func assign(_ words: ArraySlice<String>, options: [OptionSpec], positionals: [ArgumentSpec]) throws -> ParsedValues? {
        var values = ParsedValues()
        var loose: [String] = []
        var index = words.startIndex
        var optionsEnded = false
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                loose.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word == "--help" || word == "-h" { return nil }
            let spec: OptionSpec
            var attached: String?
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = body.firstIndex(of: "=").map { String(body[..<$0]) } ?? String(body)
                attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let found = options.first(where: { $0.long == name }) else { throw UsageError("Unknown option '--\(name)'") }
                spec = found
            } else {
                let letter = word[word.index(after: word.startIndex)]
                guard let found = options.first(where: { $0.short == letter }) else { throw UsageError("Unknown option '\(word)'") }
                spec = found
                let rest = word.dropFirst(2)
                if !rest.isEmpty { attached = String(rest) }
            }
            guard spec.valueName != nil else {
                if attached != nil { throw UsageError("The flag '--\(spec.long)' takes no value") }
                values.append(option: spec.long, "")
                continue
            }
            let value: String
            if let attached {
                value = attached
            } else if index < words.endIndex {
                value = words[index]
                index += 1
            } else {
                throw UsageError("Missing value for '\(spec.synopsis)'")
            }
            if !spec.repeatable { values.remove(option: spec.long) }
            values.append(option: spec.long, value)
        }
        var next = loose[...]
        for argument in positionals {
            switch argument.arity {
            case .one, .optional:
                if let word = next.popFirst() { values.positionals.append((argument.name, [word])) }
            case .many:
                values.positionals.append((argument.name, Array(next)))
                next = []
            }
        }
        if let extra = next.first { throw UsageError("Unexpected argument '\(extra)'") }
        return values
    }
}
