/// A type an option's or argument's text converts to.
public protocol ArgumentValue {
    init?(argument: String)
    /// The values accepted, for the help text and for the message when a value is refused;
    /// empty when any text of the right shape is.
    static var allValueStrings: [String] { get }
    /// The value as it is written on the command line (a default in the help text).
    var argumentText: String { get }
}

extension ArgumentValue {
    public static var allValueStrings: [String] { [] }
}

extension ArgumentValue where Self: RawRepresentable, RawValue == String {
    public init?(argument: String) { self.init(rawValue: argument) }
    public var argumentText: String { rawValue }
}

extension ArgumentValue where Self: RawRepresentable & CaseIterable, RawValue == String {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension String: ArgumentValue {
    public init?(argument: String) { self = argument }
    public var argumentText: String { self }
}

extension Int: ArgumentValue {
    public init?(argument: String) { self.init(argument, radix: 10) }
    public var argumentText: String { String(self) }
}

extension Double: ArgumentValue {
    public init?(argument: String) {
        guard let value = Double(argument), value.isFinite else { return nil }
        self = value
    }
    public var argumentText: String { String(self) }
}
