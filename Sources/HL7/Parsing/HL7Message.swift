public import Foundation

/// One HL7 v2 message, indexed once and decoded lazily.
///
/// Parsing only finds where segments and fields start and end; nothing is turned into a
/// `String` until it is read, so a device message of a few kilobytes parses in
/// microseconds. Segments end with CR (0x0D). LF and CRLF are accepted as well (a file
/// that went through a text-mode tool) and blank lines are skipped; raw LF inside a
/// value is not legal HL7, so nothing valid is lost. A last segment without its
/// terminator is accepted (`isLastSegmentTerminated` tells); whether it was cut in the
/// middle is judged by the reader, from the fields the segment requires.
public struct HL7Message: Sendable {
    /// The message bytes exactly as received.
    public let bytes: [UInt8]
    /// The delimiters MSH-1 and MSH-2 declared.
    public let separators: HL7Separators
    /// All segments in order; the first is always MSH.
    public let segments: [HL7Segment]
    /// False when the last segment had no CR (or LF) after it.
    public let isLastSegmentTerminated: Bool

    /// Parses a message from bytes (`[UInt8]`, `ArraySlice<UInt8>`, `Data`, ...).
    ///
    /// - Throws: `HL7Error` with AR 100 when there is no MSH first, AR 102 when MSH-1/MSH-2
    ///   do not declare usable separators, AE 100 for a segment whose ID is not 3
    ///   upper-case letters or digits.
    public init(bytes input: some Collection<UInt8>) throws(HL7Error) {
        try self.init(bytes: Array(input))
    }

    /// Parses a message from an array (the fast path: no copy, no generic dispatch).
    public init(bytes: [UInt8]) throws(HL7Error) {
        self.bytes = bytes
        var index = 0
        while index < bytes.count, bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        guard bytes.count - index >= 3,
            bytes[index] == UInt8(ascii: "M"), bytes[index + 1] == UInt8(ascii: "S"), bytes[index + 2] == UInt8(ascii: "H")
        else {
            throw .rejected(.segmentSequence, at: nil, "message does not start with an MSH segment")
        }
        guard let separators = HL7Separators.declared(in: bytes[index...]) else {
            throw .rejected(.dataType, at: HL7ErrorLocation(segment: "MSH", sequence: 1, field: 2), "MSH-1/MSH-2 do not declare valid separators")
        }
        self.separators = separators
        let fieldSeparator = separators.field
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 8)
        var segments: [HL7Segment] = []
        var occurrences: [(name: UInt32, count: Int)] = []
        var terminated = true
        bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                let segmentStart = index
                let firstRange = ranges.count
                var fieldStart = index
                while index < buffer.count {
                    let byte = buffer[index]
                    if byte == fieldSeparator {
                        ranges.append(fieldStart..<index)
                        fieldStart = index + 1
                    } else if byte == 0x0D || byte == 0x0A {
                        break
                    }
                    index += 1
                }
                ranges.append(fieldStart..<index)
                terminated = index < buffer.count
                segments.append(HL7Segment(name: "", sequence: 0, start: segmentStart, firstRange: firstRange, rangeCount: ranges.count - firstRange))
                while index < buffer.count, buffer[index] == 0x0D || buffer[index] == 0x0A { index += 1 }
            }
        }
        for position in segments.indices {
            let nameRange = ranges[segments[position].firstRange]
            guard Self.isSegmentID(bytes[nameRange]) else {
                throw .content(.segmentSequence, at: nil, "segment \(position + 1) has no valid segment ID")
            }
            let key = UInt32(bytes[nameRange.lowerBound]) << 16 | UInt32(bytes[nameRange.lowerBound + 1]) << 8 | UInt32(bytes[nameRange.lowerBound + 2])
            var sequence = 1
            if let slot = occurrences.firstIndex(where: { $0.name == key }) {
                occurrences[slot].count += 1
                sequence = occurrences[slot].count
            } else {
                occurrences.append((key, 1))
            }
            segments[position].name = String(decoding: bytes[nameRange], as: UTF8.self)
            segments[position].sequence = sequence
            segments[position].isHeader = key == 0x4D5348  // "MSH"
        }
        self.isLastSegmentTerminated = terminated
        self.fieldRanges = ranges
        self.segments = segments
    }

    /// Parses a message held in `Data`.
    public init(data: Data) throws(HL7Error) {
        try self.init(bytes: [UInt8](data))
    }

    /// Field ranges of all segments, flat; each segment knows its slice.
    let fieldRanges: [Range<Int>]

    /// The MSH segment.
    public var header: HL7Segment { segments[0] }

    /// The segments with this ID, in order.
    public func segments(named name: String) -> [HL7Segment] { segments.filter { $0.name == name } }

    /// The first segment with this ID.
    public func firstSegment(named name: String) -> HL7Segment? { segments.first { $0.name == name } }

    /// Field `number` (HL7 numbering, 1-based; MSH-1 is the field separator itself) of a segment.
    /// A field the segment does not have reads as empty.
    public func field(_ number: Int, of segment: HL7Segment) -> HL7Field {
        let raw: Int
        if segment.isHeader {
            if number == 1 { return HL7Field(raw: bytes[(segment.start + 3)..<(segment.start + 4)], separators: .literal) }
            raw = number - 1
        } else {
            raw = number
        }
        guard raw >= 1, raw < segment.rangeCount else { return HL7Field(raw: bytes[0..<0], separators: separators) }
        let fieldSeparators = segment.isHeader && number == 2 ? HL7Separators.literal : separators
        return HL7Field(raw: bytes[fieldRanges[segment.firstRange + raw]], separators: fieldSeparators)
    }

    /// Field `number` of the MSH segment.
    public func headerField(_ number: Int) -> HL7Field { field(number, of: header) }

    private static func isSegmentID(_ name: ArraySlice<UInt8>) -> Bool {
        name.count == 3 && name.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
    }
}

/// Where one segment sits in its message. Read its fields through `HL7Message.field(_:of:)`.
public struct HL7Segment: Hashable, Sendable {
    /// The segment ID (`MSH`, `OBX`).
    public internal(set) var name: String
    /// Which occurrence of this ID it is, 1-based (the "sequence" of an ERR location).
    public internal(set) var sequence: Int
    let start: Int
    let firstRange: Int
    let rangeCount: Int

    /// The number of the last field present (HL7 numbering).
    public var fieldCount: Int { isHeader ? rangeCount : rangeCount - 1 }

    var isHeader = false

    /// An error location pointing at a field of this segment.
    public func location(_ field: Int? = nil) -> HL7ErrorLocation {
        HL7ErrorLocation(segment: name, sequence: sequence, field: field)
    }
}

extension HL7Separators {
    /// Separators that match nothing: MSH-1 and MSH-2 are read literally.
    static let literal = HL7Separators(field: 0x0D, component: 0x0D, repetition: 0x0D, escape: 0x0D, subcomponent: 0x0D)
}
