import Foundation

/// The `Encoder` handed to one value's `encode(to:)`: it may become one single value, one
/// keyed container or one unkeyed container (asking again for the same kind of container
/// returns the same one, as with `JSONEncoder`).
struct CanonicalJSONSlotEncoder: Encoder, SingleValueEncodingContainer {
    let writer: CanonicalJSONWriter
    let slot: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let frame = writer.openSlotContainer(slot, isObject: true) ?? 0
        return KeyedEncodingContainer(CanonicalJSONKeyedContainer<Key>(writer: writer, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalJSONUnkeyedContainer(writer: writer, frame: writer.openSlotContainer(slot, isObject: false) ?? 0)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { if writer.claimSingleValue(slot) { writer.append("null") } }
    func encode(_ value: Bool) throws { if writer.claimSingleValue(slot) { writer.write(value) } }
    func encode(_ value: String) throws { if writer.claimSingleValue(slot) { writer.write(value) } }
    func encode(_ value: Double) throws { if writer.claimSingleValue(slot) { writer.write(value) } }
    func encode(_ value: Float) throws { if writer.claimSingleValue(slot) { writer.write(value) } }
    func encode(_ value: Int) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: Int8) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: Int16) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: Int32) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: Int64) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: UInt) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: UInt8) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: UInt16) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: UInt32) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode(_ value: UInt64) throws { if writer.claimSingleValue(slot) { writer.writeInteger(value) } }
    func encode<T: Encodable>(_ value: T) throws { if writer.claimSingleValue(slot) { try writer.writeValue(value) } }
}

/// An object being written; `superEncoder` is not reproduced (the value falls back).
struct CanonicalJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: CanonicalJSONWriter
    let frame: Int

    var codingPath: [any CodingKey] { [] }

    private func begin(_ key: Key) -> Bool { writer.beginEntry(frame, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { if begin(key) { writer.append("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { if begin(key) { writer.write(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { if begin(key) { writer.write(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { if begin(key) { writer.write(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { if begin(key) { writer.write(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { if begin(key) { writer.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { if begin(key) { try writer.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = begin(key) ? writer.pushFrame(isObject: true) : 0
        return KeyedEncodingContainer(CanonicalJSONKeyedContainer<NestedKey>(writer: writer, frame: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CanonicalJSONUnkeyedContainer(writer: writer, frame: begin(key) ? writer.pushFrame(isObject: false) : 0)
    }

    mutating func superEncoder() -> any Encoder { unsupportedEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedEncoder() }

    private func unsupportedEncoder() -> any Encoder {
        writer.markUnsupported()
        return CanonicalJSONSlotEncoder(writer: writer, slot: 0)
    }
}

/// An array being written; `superEncoder` is not reproduced (the value falls back).
struct CanonicalJSONUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: CanonicalJSONWriter
    let frame: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { writer.count(of: frame) }

    private func begin() -> Bool { writer.beginElement(frame) }

    mutating func encodeNil() throws { if begin() { writer.append("null") } }
    mutating func encode(_ value: Bool) throws { if begin() { writer.write(value) } }
    mutating func encode(_ value: String) throws { if begin() { writer.write(value) } }
    mutating func encode(_ value: Double) throws { if begin() { writer.write(value) } }
    mutating func encode(_ value: Float) throws { if begin() { writer.write(value) } }
    mutating func encode(_ value: Int) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { if begin() { writer.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { if begin() { try writer.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = begin() ? writer.pushFrame(isObject: true) : 0
        return KeyedEncodingContainer(CanonicalJSONKeyedContainer<NestedKey>(writer: writer, frame: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalJSONUnkeyedContainer(writer: writer, frame: begin() ? writer.pushFrame(isObject: false) : 0)
    }

    mutating func superEncoder() -> any Encoder {
        writer.markUnsupported()
        return CanonicalJSONSlotEncoder(writer: writer, slot: 0)
    }
}
