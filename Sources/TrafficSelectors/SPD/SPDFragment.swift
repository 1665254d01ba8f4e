/// One entry of a decorrelated SPD: a part of an original entry's traffic, linked to it.
public struct SPDFragment: Hashable, Sendable {
    public var selectorSet: SPDSelectorSet
    public var action: SPDAction
    public var pfp: PFPFlags
    /// Position of the original entry in the ordered SPD.
    public var origin: Int
    public var originName: String

    public init(selectorSet: SPDSelectorSet, action: SPDAction, pfp: PFPFlags, origin: Int, originName: String) {
        self.selectorSet = selectorSet
        self.action = action
        self.pfp = pfp
        self.origin = origin
        self.originName = originName
    }
}
