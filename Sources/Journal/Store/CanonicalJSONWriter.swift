import Foundation

/// The byte buffer and bookkeeping behind `CanonicalJSONEncoder`.
///
/// Values are appended as they are encoded. An open object holds `,"key":value` entries in
/// encoding order; when it closes they are reordered by key (UTF-8 bytes) and the first
/// comma becomes `{`. Arrays are written `[a,b` and closed with `]`. A *slot* is one value
/// being encoded by its own `encode(to:)`; a *frame* is one open container. Both nest
/// strictly, so they live on stacks; a write to a container closes the containers opened
/// above it. Anything out of that order marks the value unsupported (see the encoder).
final class CanonicalJSONWriter {
    struct Frame {
        var id: Int
        var slot: Int
        var isObject: Bool
        var start: Int
        var keyBase: Int
        var count: Int
    }

    struct Slot {
        var id: Int
        var start: Int
        var frameBase: Int
        var filled = false
        var frame: Int?
    }

    var bytes: [UInt8] = []
    private var scratch: [UInt8] = []
    private var order: [Int] = []
    private var keys: [(key: String, start: Int)] = []
    private(set) var frames: [Frame] = []
    private(set) var slots: [Slot] = []
    private var nextID = 0
    private(set) var isUnsupported = false

    func reset() {
        bytes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        isUnsupported = false
    }

    func markUnsupported() { isUnsupported = true }

    // MARK: Slots

    func beginSlot() -> Int {
        nextID += 1
        slots.append(Slot(id: nextID, start: bytes.count, frameBase: frames.count))
        return nextID
    }

    /// Closes the slot's containers; writes `emptyValue` if it wrote nothing (false if
    /// there is none to write, or the slot is not the innermost one).
    func endSlot(_ id: Int, emptyValue: StaticString?) -> Bool {
        guard let slot = slots.last, slot.id == id else {
            isUnsupported = true
            return false
        }
        while frames.count > slot.frameBase { closeTopFrame() }
        slots.removeLast()
        if bytes.count == slot.start {
            guard let emptyValue else { return false }
            append(emptyValue)
        }
        return true
    }

    /// Claims the innermost slot `id` for a single value; false (unsupported) otherwise.
    func claimSingleValue(_ id: Int) -> Bool {
        guard let slot = slots.last, slot.id == id, !slot.filled, slot.frame == nil else {
            isUnsupported = true
            return false
        }
        slots[slots.count - 1].filled = true
        return true
    }

    /// The frame `id`'s slot opens as its container, or the one it opened before.
    func openSlotContainer(_ id: Int, isObject: Bool) -> Int? {
        guard let slot = slots.last, slot.id == id, !slot.filled else {
            isUnsupported = true
            return nil
        }
        if let existing = slot.frame {
            guard let index = activate(existing), frames[index].isObject == isObject else {
                isUnsupported = true
                return nil
            }
            return existing
        }
        let frame = pushFrame(isObject: isObject)
        slots[slots.count - 1].frame = frame
        return frame
    }

    // MARK: Frames

    func pushFrame(isObject: Bool) -> Int {
        nextID += 1
        let slot = slots.last?.id ?? 0
        frames.append(Frame(id: nextID, slot: slot, isObject: isObject, start: bytes.count, keyBase: keys.count, count: 0))
        if !isObject { bytes.append(UInt8(ascii: "[")) }
        return nextID
    }

    /// Makes frame `id` the innermost open container (closing those above it), or marks
    /// the value unsupported and returns nil when it is closed or belongs to another slot.
    func activate(_ id: Int) -> Int? {
        guard !isUnsupported, let slot = slots.last?.id,
              let index = frames.lastIndex(where: { $0.id == id }), frames[index].slot == slot
        else {
            isUnsupported = true
            return nil
        }
        while frames.count > index + 1 { closeTopFrame() }
        return index
    }

    /// Starts the next entry of object frame `id`: writes `,"key":`.
    func beginEntry(_ id: Int, key: String) -> Bool {
        guard let index = activate(id) else { return false }
        keys.append((key, bytes.count))
        frames[index].count += 1
        bytes.append(UInt8(ascii: ","))
        write(key)
        bytes.append(UInt8(ascii: ":"))
        return true
    }

    /// Starts the next element of array frame `id`.
    func beginElement(_ id: Int) -> Bool {
        guard let index = activate(id) else { return false }
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[index].count += 1
        return true
    }

    func count(of id: Int) -> Int {
        frames.last(where: { $0.id == id })?.count ?? 0
    }

    private func closeTopFrame() {
        let frame = frames.removeLast()
        guard frame.isObject else {
            bytes.append(UInt8(ascii: "]"))
            return
        }
        defer { keys.removeSubrange(frame.keyBase...) }
        guard frame.count > 0 else {
            append("{}")
            return
        }
        if !entriesAreSorted(from: frame.keyBase) { reorderEntries(from: frame.keyBase) }
        bytes[frame.start] = UInt8(ascii: "{")
        bytes.append(UInt8(ascii: "}"))
    }

    private func entriesAreSorted(from base: Int) -> Bool {
        var index = base + 1
        while index < keys.count {
            if !keys[index - 1].key.utf8.lexicographicallyPrecedes(keys[index].key.utf8) { return false }
            index += 1
        }
        return true
    }

    /// Rewrites the entries after `keys[base].start` in key order; a repeated key (which
    /// JSONEncoder resolves by overwriting or merging) marks the value unsupported.
    private func reorderEntries(from base: Int) {
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: base..<keys.count)
        order.sort { keys[$0].key.utf8.lexicographicallyPrecedes(keys[$1].key.utf8) }
        for position in 1..<order.count where keys[order[position - 1]].key == keys[order[position]].key {
            isUnsupported = true
        }
        let regionStart = keys[base].start
        scratch.removeAll(keepingCapacity: true)
        for entry in order {
            let end = entry + 1 < keys.count ? keys[entry + 1].start : bytes.count
            scratch.append(contentsOf: bytes[keys[entry].start..<end])
        }
        bytes.replaceSubrange(regionStart..., with: scratch)
    }
}
