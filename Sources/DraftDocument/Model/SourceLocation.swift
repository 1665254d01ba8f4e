/// Where a piece of the model came from in its source file. Lines and columns are 1-based.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, the form compilers use, so editors and CI annotate it.
    public var description: String { "\(file):\(line):\(column)" }
}
