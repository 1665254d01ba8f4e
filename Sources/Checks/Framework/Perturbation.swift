/// The perturbation test's hook (issue 15: every check must be able to fail): running a
/// check with a `Perturbation` judges its N-th expectation against a changed expected value
/// (a number off by one, a string or list extended, a boolean negated, a present value
/// absent, a rejection expected as an acceptance, a stated condition negated). A check that
/// still passes does not depend on that expectation: a defect.
public struct Perturbation: Hashable, Sendable {
    /// The index of the expectation to perturb, in the order the check records them.
    public var observation: Int

    public init(observation: Int) {
        self.observation = observation
    }

    /// A value of the same type that differs from `value`.
    static func changed<T: Equatable>(_ value: T) -> T {
        if let v = value as? any Perturbable, let p = v.perturbed() as? T, p != value { return p }
        if let o = value as? any OptionalPerturbable, let p = o.perturbedOptional() as? T, p != value { return p }
        // A type the hook cannot change (an enum, a struct, an empty list, an absent value):
        // the caller expects "anything but it".
        return value
    }
}

/// Types the hook knows how to change.
protocol Perturbable {
    func perturbed() -> Self
}

extension Int: Perturbable { func perturbed() -> Int { self &+ 1 } }
extension Int64: Perturbable { func perturbed() -> Int64 { self &+ 1 } }
extension Int32: Perturbable { func perturbed() -> Int32 { self &+ 1 } }
extension UInt: Perturbable { func perturbed() -> UInt { self &+ 1 } }
extension UInt64: Perturbable { func perturbed() -> UInt64 { self &+ 1 } }
extension UInt32: Perturbable { func perturbed() -> UInt32 { self &+ 1 } }
extension UInt16: Perturbable { func perturbed() -> UInt16 { self &+ 1 } }
extension UInt8: Perturbable { func perturbed() -> UInt8 { self &+ 1 } }
extension Bool: Perturbable { func perturbed() -> Bool { !self } }
extension String: Perturbable { func perturbed() -> String { self + " (perturbed)" } }
extension Double: Perturbable { func perturbed() -> Double { self + 1 } }

extension Array: Perturbable {
    /// One element fewer, or, when empty, nothing to drop: the caller falls back.
    func perturbed() -> [Element] { isEmpty ? self : Array(dropLast()) }
}

protocol OptionalPerturbable {
    func perturbedOptional() -> Any
}

extension Optional: OptionalPerturbable {
    /// A present value changed (or absent when it cannot be changed); an absent one stays
    /// absent, and the caller falls back.
    func perturbedOptional() -> Any {
        switch self {
        case .none: return self as Any
        case .some(let wrapped):
            if let p = wrapped as? any Perturbable, let w = p.perturbed() as? Wrapped { return Optional(w) as Any }
            return Optional<Wrapped>.none as Any
        }
    }
}
