import Diagnostics

/// The one error type of SPDBridge: a step of the SPD -> ACQUIRE -> TS -> SA flow could not
/// be taken. Equality by code (`Diagnostic`).
public struct BridgeError: Diagnostic {
    /// The failures; declared below.
    public typealias Code = DiagnosticCode<BridgeError>

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The bridge drives the reference code with values it built itself: a step that
    /// cannot be taken is a bug on our side.
    public var category: DiagnosticCategory { .internalError }

    public static let missingExtension = BridgeError(.missingExtension, "")
    public static let unexpectedMessage = BridgeError(.unexpectedMessage, "")
    public static let addressMismatch = BridgeError(.addressMismatch, "")
    public static let narrowingRefused = BridgeError(.narrowingRefused, "")
    public static let unsupportedTransform = BridgeError(.unsupportedTransform, "")
    public static let kernelError = BridgeError(.kernelError, "")
    public static let unrepresentableTraffic = BridgeError(.unrepresentableTraffic, "")
}

extension DiagnosticCode where Domain == BridgeError {
    /// A message lacks an extension the step needs (ACQUIRE without addresses, a policy
    /// reply without X_POLICY).
    public static var missingExtension: Self { Self("missingExtension") }
    /// The message is not of the type the step expects.
    public static var unexpectedMessage: Self { Self("unexpectedMessage") }
    /// Source and destination are of different families, or an address does not fit
    /// the Traffic Selector engine's ranges.
    public static var addressMismatch: Self { Self("addressMismatch") }
    /// The responder refused every proposed Traffic Selector (TS_UNACCEPTABLE).
    public static var narrowingRefused: Self { Self("narrowingRefused") }
    /// An IKEv2 transform with no PF_KEY algorithm number (or a key of the wrong length).
    public static var unsupportedTransform: Self { Self("unsupportedTransform") }
    /// The key engine answered with an errno.
    public static var kernelError: Self { Self("kernelError") }
    /// A side of the narrowed traffic is not one selector PF_KEY can carry (one prefix,
    /// one protocol or any, one port or any): installing it would widen or lose traffic.
    public static var unrepresentableTraffic: Self { Self("unrepresentableTraffic") }
}
