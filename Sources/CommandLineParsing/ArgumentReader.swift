/// What a command reads from its command line. A command's `init(_:)` calls these once per
/// option or argument; the parser runs it twice: first to learn the options (the reader
/// answers defaults), then to read the values the command line gave.
///
/// Values: `--name value`, `--name=value`, `-o value`, `-ovalue`; a value option given
/// twice keeps the last unless it is repeatable; `--` ends the options. Positional
/// arguments are taken in the order they are declared, a repeated one taking the rest.
public struct ArgumentReader {
    enum Mode {
        case describing
        case reading(ParsedValues)
    }

    var mode: Mode
    /// The options and arguments declared so far, in order.
    public private(set) var options: [OptionSpec] = []
    public private(set) var positionals: [ArgumentSpec] = []

    init(_ mode: Mode) {
        self.mode = mode
    }

    /// A flag: true when given.
    public mutating func flag(_ long: String, help: String) -> Bool {
        options.append(OptionSpec(long: long, short: nil, valueName: nil, repeatable: false, help: help, defaultText: nil, valueType: nil))
        guard case .reading(let values) = mode else { return false }
        return values.option(long) != nil
    }

    /// An option with a default.
    public mutating func option<T: ArgumentValue>(_ long: String, short: Character? = nil, valueName: String? = nil, default value: T, help: String) throws -> T {
        try declared(long, short: short, valueName: valueName, repeatable: false, defaultText: value.argumentText, help: help, T.self).last ?? value
    }

    /// An option that may be absent.
    public mutating func option<T: ArgumentValue>(_ long: String, short: Character? = nil, valueName: String? = nil, help: String) throws -> T? {
        try declared(long, short: short, valueName: valueName, repeatable: false, defaultText: nil, help: help, T.self).last
    }

    /// An option that must be given.
    public mutating func requiredOption(_ long: String, valueName: String? = nil, help: String) throws -> String {
        let values = try declared(long, short: nil, valueName: valueName, repeatable: false, defaultText: nil, required: true, help: help, String.self)
        guard case .reading = mode else { return "" }
        guard let value = values.last else { throw UsageError("Missing expected argument '--\(long) <\(valueName ?? long)>'") }
        return value
    }

    /// An option given any number of times, each value kept in order.
    public mutating func repeatedOption<T: ArgumentValue>(_ long: String, short: Character? = nil, valueName: String? = nil, help: String) throws -> [T] {
        try declared(long, short: short, valueName: valueName, repeatable: true, defaultText: nil, help: help, T.self)
    }

    /// A positional argument that must be given.
    public mutating func argument(_ name: String, help: String) throws -> String {
        positionals.append(ArgumentSpec(name: name, arity: .one, help: help))
        guard case .reading(let values) = mode else { return "" }
        guard let value = values.positional(name)?.first else { throw UsageError("Missing expected argument '<\(name)>'") }
        return value
    }

    /// A positional argument that may be absent.
    public mutating func optionalArgument(_ name: String, help: String) -> String? {
        positionals.append(ArgumentSpec(name: name, arity: .optional, help: help))
        guard case .reading(let values) = mode else { return nil }
        return values.positional(name)?.first
    }

    /// The rest of the positional arguments (none or more).
    public mutating func arguments(_ name: String, help: String) -> [String] {
        positionals.append(ArgumentSpec(name: name, arity: .many, help: help))
        guard case .reading(let values) = mode else { return [] }
        return values.positional(name) ?? []
    }

    private mutating func declared<T: ArgumentValue>(_ long: String, short: Character?, valueName: String?, repeatable: Bool, defaultText: String?,
                                                     required: Bool = false, help: String, _ type: T.Type) throws -> [T] {
        let spec = OptionSpec(long: long, short: short, valueName: valueName ?? long, repeatable: repeatable, help: help,
                              defaultText: defaultText, valueType: T.self, required: required)
        options.append(spec)
        guard case .reading(let values) = mode else { return [] }
        return try (values.option(long) ?? []).map { text in
            guard let value = T(argument: text) else {
                let choices = T.allValueStrings
                let hint = choices.isEmpty ? "" : " Please provide one of \(HelpText.quotedList(choices))."
                throw UsageError("The value '\(text)' is invalid for '\(spec.synopsis)'.\(hint)")
            }
            return value
        }
    }
}

/// One option as declared: `--long`, maybe `-s`, taking a value when `valueName` is set.
public struct OptionSpec: Sendable {
    public var long: String
    public var short: Character?
    /// Nil for a flag.
    public var valueName: String?
    public var repeatable: Bool
    public var help: String
    public var defaultText: String?
    /// The type the value converts to; nil for a flag.
    public var valueType: (any ArgumentValue.Type)?
    public var required = false

    /// The values accepted (empty when any text of the right shape is), asked of the value's
    /// type only for the help text and an error: listing them in every run cost a seventh of
    /// a small document's review (each enumeration's cases, through generic metadata made
    /// on first use).
    public var choices: [String] { valueType?.allValueStrings ?? [] }

    /// `--format <format>` or `-o <o>`, as messages and the help name it.
    public var synopsis: String {
        let name = short.map { "-\($0)" } ?? "--\(long)"
        return valueName.map { "\(name) <\($0)>" } ?? name
    }
}

/// One positional argument as declared.
public struct ArgumentSpec: Sendable {
    public enum Arity: Sendable { case one, optional, many }
    public var name: String
    public var arity: Arity
    public var help: String
}

/// What the command line gave, by option and argument name. Lists searched in order, not
/// dictionaries: a command has a few dozen names at most, and a dictionary's first use at
/// start-up costs a conformance lookup (String: Hashable) across the whole binary.
struct ParsedValues {
    var options: [(name: String, values: [String])] = []
    var positionals: [(name: String, values: [String])] = []

    func option(_ name: String) -> [String]? {
        options.first { $0.name == name }?.values
    }

    func positional(_ name: String) -> [String]? {
        positionals.first { $0.name == name }?.values
    }

    mutating func append(option name: String, _ value: String) {
        if let index = options.firstIndex(where: { $0.name == name }) {
            options[index].values.append(value)
        } else {
            options.append((name, [value]))
        }
    }

    mutating func remove(option name: String) {
        options.removeAll { $0.name == name }
    }
}
