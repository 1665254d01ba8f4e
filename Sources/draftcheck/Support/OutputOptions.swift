import CommandLineParsing
import Foundation
import Reports

/// `--color auto|always|never`: colour on a terminal only, and never when NO_COLOR is set
/// (https://no-color.org), unless forced.
enum ColorChoice: String, ArgumentValue, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            // getenv, not ProcessInfo's environment: that builds a dictionary of the whole
            // environment, a twentieth of a small document's review.
            if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}

struct ColorOptions {
    var color: ColorChoice

    init(_ arguments: inout ArgumentReader) throws {
        color = try arguments.option("color", default: .auto, help: "Colour: auto (terminal only, honours NO_COLOR), always or never.")
    }
}

/// JSON as every command writes it: sorted keys, so output is stable and diffable
/// (Reports' StableJSON).
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    try StableJSON.encode(value)
}
