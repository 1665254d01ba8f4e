/// Encodable to draftcheck's JSON text.
///
/// The same text as Foundation's JSONEncoder with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` and its default strategies (a Double as its shortest text,
/// nil through `encodeIfPresent` left out, an explicit `encode(nil)` as null), at a
/// fraction of the cost: containers are arrays filled in place and no coding path is kept.
public enum StableJSON {
    /// The JSON text of `value`, without a trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let node = try JSONValueEncoder.node(of: value)
        var out = JSONTextWriter()
        try out.write(node, indent: 0)
        return out.text
    }

    /// The same JSON on one line (no new line at its end): a JSON Lines record.
    public static func encodeLine<T: Encodable>(_ value: T) throws -> String {
        let node = try JSONValueEncoder.node(of: value)
        var out = JSONTextWriter(compact: true)
        try out.write(node, indent: 0)
        return out.text
    }
}

public enum JSONEncodingError: Error, Equatable, CustomStringConvertible {
    /// NaN or an infinity: JSON has no text for them.
    case nonFiniteNumber(key: String?)
    /// An Encodable that encoded nothing at all.
    case noValue

    public var description: String {
        switch self {
        case .nonFiniteNumber(let key): return "cannot write a non-finite number in JSON" + (key.map { " (key \"\($0)\")" } ?? "")
        case .noValue: return "a value encoded nothing"
        }
    }
}

/// The tree an encoding builds: scalars with their text ready, containers as boxes that
/// nested containers keep filling, and encoders handed out for `superEncoder`, read when
/// the tree is written.
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case object(JSONValueEncoder.ObjectBox)
    case array(JSONValueEncoder.ArrayBox)
    case pending(JSONValueEncoder)
}

final class JSONValueEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    final class ObjectBox { var members: [(key: String, value: JSONNode)] = [] }
    final class ArrayBox { var items: [JSONNode] = [] }

    static func node<T: Encodable>(of value: T) throws -> JSONNode {
        let encoder = JSONValueEncoder()
        try value.encode(to: encoder)
        guard let node = encoder.node else { throw JSONEncodingError.noValue }
        return node
    }

    static func number(_ d: Double, key: String?) throws -> JSONNode {
        guard d.isFinite else { throw JSONEncodingError.nonFiniteNumber(key: key) }
        let text = d.description
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box) = node { return KeyedEncodingContainer(KeyedContainer<Key>(box: box)) }
        let box = ObjectBox()
        node = .object(box)
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let box) = node { return ValueContainer(target: .array(box)) }
        let box = ArrayBox()
        node = .array(box)
        return ValueContainer(target: .array(box))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueContainer(target: .single(self)) }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        var codingPath: [any CodingKey] { [] }

        func put(_ node: JSONNode, _ key: Key) { box.members.append((key.stringValue, node)) }

        mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
        mutating func encode(_ v: Bool, forKey key: Key) throws { put(.bool(v), key) }
        mutating func encode(_ v: String, forKey key: Key) throws { put(.string(v), key) }
        mutating func encode(_ v: Double, forKey key: Key) throws { put(try JSONValueEncoder.number(v, key: key.stringValue), key) }
        mutating func encode(_ v: Float, forKey key: Key) throws { put(try JSONValueEncoder.number(Double(v), key: key.stringValue), key) }
        mutating func encode(_ v: Int, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: Int8, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: Int16, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: Int32, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: Int64, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: UInt, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: UInt8, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: UInt16, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: UInt32, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode(_ v: UInt64, forKey key: Key) throws { put(.number(String(v)), key) }
        mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws {
            do {
                put(try JSONValueEncoder.node(of: v), key)
            } catch JSONEncodingError.nonFiniteNumber(key: nil) {
                throw JSONEncodingError.nonFiniteNumber(key: key.stringValue)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            put(.object(nested), key)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            put(.array(nested), key)
            return ValueContainer(target: .array(nested))
        }
        mutating func superEncoder() -> any Encoder {
            let encoder = JSONValueEncoder()
            box.members.append(("super", .pending(encoder)))
            return encoder
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let encoder = JSONValueEncoder()
            put(.pending(encoder), key)
            return encoder
        }
    }

    /// The unkeyed container and the single-value container in one: their requirements
    /// have the same signatures; an unkeyed one appends to its array, a single-value one
    /// sets its encoder's node.
    struct ValueContainer: UnkeyedEncodingContainer, SingleValueEncodingContainer {
        enum Target { case array(ArrayBox), single(JSONValueEncoder) }
        let target: Target
        var codingPath: [any CodingKey] { [] }
        var count: Int { if case .array(let box) = target { return box.items.count } else { return 0 } }

        func put(_ node: JSONNode) {
            switch target {
            case .array(let box): box.items.append(node)
            case .single(let encoder): encoder.node = node
            }
        }

        mutating func encodeNil() throws { put(.null) }
        mutating func encode(_ v: Bool) throws { put(.bool(v)) }
        mutating func encode(_ v: String) throws { put(.string(v)) }
        mutating func encode(_ v: Double) throws { put(try JSONValueEncoder.number(v, key: nil)) }
        mutating func encode(_ v: Float) throws { put(try JSONValueEncoder.number(Double(v), key: nil)) }
        mutating func encode(_ v: Int) throws { put(.number(String(v))) }
        mutating func encode(_ v: Int8) throws { put(.number(String(v))) }
        mutating func encode(_ v: Int16) throws { put(.number(String(v))) }
        mutating func encode(_ v: Int32) throws { put(.number(String(v))) }
        mutating func encode(_ v: Int64) throws { put(.number(String(v))) }
        mutating func encode(_ v: UInt) throws { put(.number(String(v))) }
        mutating func encode(_ v: UInt8) throws { put(.number(String(v))) }
        mutating func encode(_ v: UInt16) throws { put(.number(String(v))) }
        mutating func encode(_ v: UInt32) throws { put(.number(String(v))) }
        mutating func encode(_ v: UInt64) throws { put(.number(String(v))) }
        mutating func encode<T: Encodable>(_ v: T) throws { put(try JSONValueEncoder.node(of: v)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            put(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            put(.array(nested))
            return ValueContainer(target: .array(nested))
        }
        mutating func superEncoder() -> any Encoder {
            let encoder = JSONValueEncoder()
            put(.pending(encoder))
            return encoder
        }
    }
}
