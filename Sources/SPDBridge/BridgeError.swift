/// The one error type of SPDBridge: a step of the SPD -> ACQUIRE -> TS -> SA flow could not
/// be taken. Equality by code.
public struct BridgeError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// A message lacks an extension the step needs (ACQUIRE without addresses, a policy
        /// reply without X_POLICY).
        case missingExtension
        /// The message is not of the type the step expects.
        case unexpectedMessage
        /// Source and destination are of different families, or an address does not fit
        /// the Traffic Selector engine's ranges.
        case addressMismatch
        /// The responder refused every proposed Traffic Selector (TS_UNACCEPTABLE).
        case narrowingRefused
        /// An IKEv2 transform with no PF_KEY algorithm number (or a key of the wrong length).
        case unsupportedTransform
        /// The key engine answered with an errno.
        case kernelError
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func == (lhs: BridgeError, rhs: BridgeError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public static let missingExtension = BridgeError(.missingExtension, "")
    public static let unexpectedMessage = BridgeError(.unexpectedMessage, "")
    public static let addressMismatch = BridgeError(.addressMismatch, "")
    public static let narrowingRefused = BridgeError(.narrowingRefused, "")
    public static let unsupportedTransform = BridgeError(.unsupportedTransform, "")
    public static let kernelError = BridgeError(.kernelError, "")

    public var description: String { "\(code.rawValue): \(message)" }
}
