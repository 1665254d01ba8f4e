import Diagnostics

/// The codes of the SPD policy models (`SPDPolicy/`): the parts of RFC 4301 4.4.1 beyond
/// one ordered SPD (several SPDs, SPD-I, applications' entries, the Name selector, IPv6
/// header chains).
extension DiagnosticCode where Domain == TSError {
    /// The SPD selection function chose no SPD, or an SPD-ID the implementation does not hold.
    public static var noSPDSelected: Self { Self("noSPDSelected") }
    /// The administrator's settings do not allow the request (an application's SPD entry).
    public static var notPermitted: Self { Self("notPermitted") }
    /// An SPD entry the management interface refuses (an SPD-I entry that protects, an
    /// entry whose selector sets IKEv2's mix and match would widen).
    public static var entryRefused: Self { Self("entryRefused") }
}

extension TSError {
    public static let noSPDSelected = TSError(.noSPDSelected, "")
    public static let notPermitted = TSError(.notPermitted, "")
    public static let entryRefused = TSError(.entryRefused, "")
}
