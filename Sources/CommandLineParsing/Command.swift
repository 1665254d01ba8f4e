/// A command of the command line: its name and the text `--help` shows, and either the
/// subcommands it groups (`draftcheck ts`) or, as a `Command`, the arguments it reads and
/// what it runs.
///
/// Our own small parser rather than swift-argument-parser: that library finds a command's
/// options by reflecting over its properties (Mirror, dynamic casts, a scan of every
/// protocol conformance in the binary) on each start, which was about 2.5 ms of a 6.5 ms
/// `draftcheck --version`. Here a command declares its options by reading them, once.
public protocol CommandNode {
    static var info: CommandInfo { get }
    /// The node as a command that runs; nil for a group. (A requirement rather than an
    /// `as? any Command.Type` cast: a cast's first use scans every conformance record in
    /// the binary, a tenth of a millisecond at start-up.)
    static var runnable: (any Command.Type)? { get }
}

extension CommandNode {
    public static var runnable: (any Command.Type)? { nil }
}

/// A command that runs: `init(_:)` reads its arguments (each read is also the option's
/// declaration, so the two cannot drift apart), `validate()` rejects combinations before any
/// work starts, `run()` does the work.
public protocol Command: CommandNode {
    init(_ arguments: inout ArgumentReader) throws
    /// Throws `UsageError` for a combination of arguments the command refuses.
    func validate() throws
    func run() throws
}

extension Command {
    public static var runnable: (any Command.Type)? { Self.self }
    public func validate() throws {}
}

// Unchecked: the subcommands are metatypes, immutable, which the compiler does not yet see as Sendable.
public struct CommandInfo: @unchecked Sendable {
    public var name: String
    /// One line, shown in the parent's list of subcommands and atop `--help`.
    public var abstract: String
    /// Paragraphs (separated by a blank line) shown under the abstract in `--help`.
    public var discussion: String
    /// The version `--version` prints; only the root command has one.
    public var version: String?
    public var subcommands: [any CommandNode.Type]

    public init(name: String, abstract: String, discussion: String = "", version: String? = nil, subcommands: [any CommandNode.Type] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.subcommands = subcommands
    }
}

/// A command line the command refuses: exit 64 (EX_USAGE) with the message and the usage.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
