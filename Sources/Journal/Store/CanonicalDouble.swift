/// Finite doubles as `JSONEncoder` spells them: Swift's shortest round-trip `description`
/// without a trailing `.0` (`36.8`, `37`, `763000000.125`, `1e-07`, `-0`), written straight
/// into a byte buffer.
///
/// Why not just `value.description`: it builds a `String` per number and was a visible
/// share of the batched write path. Most journaled numbers (vital values, times in
/// reference-date seconds) have few decimals, so they take an exact fast path; every
/// other number still goes through `description`, so the bytes never depend on the path.
///
/// The fast path, for `2^-10 <= |v| < 2^50` (where `description` is positional, never
/// exponential): for k = 0, 1, 2, ... it takes `n = round(|v| * 10^k)` and stops at the
/// first k with `n / 10^k == |v|` in binary64, printing `n` with k decimals. It only runs
/// while `ulp(v) * 10^k <= 1/8`. Why that is exactly `description`:
/// - `n`, `10^k` (k <= 22) are exact doubles and IEEE division rounds correctly, so
///   `n / 10^k == v` means the decimal `n·10^-k` parses back to `v`: it round-trips;
/// - a k-decimal string that round-trips lies within half an ulp of `v`; scaled by 10^k that
///   is within 1/16 of `v·10^k`, and the rounding of the product adds less than 1/8, so
///   `round(|v| * 10^k)` finds it whenever it exists, and it is the only one (the interval
///   is narrower than 1). So the first k that works is the shortest, and the digits are
///   the unique shortest ones, which is what `description` prints.
/// When the bound stops the loop first, `description` decides. Tested against
/// `description` and `JSONEncoder` over random doubles (`CanonicalDoubleTests`).
enum CanonicalDouble {
    /// Appends a finite `value` (the caller writes non-finite ones as strings).
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        if !appendDecimal(value, to: &bytes) {
            appendDescription(value, to: &bytes)
        }
    }

    /// The general path: `description` minus a trailing `.0`.
    static func appendDescription(_ value: Double, to bytes: inout [UInt8]) {
        var text = value.description
        text.withUTF8 { utf8 in
            let trimmed = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<(trimmed ? utf8.count - 2 : utf8.count)]))
        }
    }

    /// The fast path described above; false (nothing written) when it cannot vouch for the digits.
    static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        let magnitude = value.magnitude
        if magnitude == 0 {
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            bytes.append(UInt8(ascii: "0"))
            return true
        }
        guard magnitude >= 0x1p-10, magnitude < 0x1p50 else { return false }
        let ulp = magnitude.ulp
        var scale = 1.0  // 10^decimals, exact
        var decimals = 0
        while ulp * scale <= 0.125 {
            // Round by truncating `x + 0.5` (one instruction, no libm call): when a
            // candidate exists it lies within 3/16 of the product, so neither this
            // addition's rounding nor a tie can move the result off it.
            let digits = UInt64(magnitude * scale + 0.5)
            if Double(digits) / scale == magnitude {
                if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
                appendFixed(digits, decimals: decimals, to: &bytes)
                return true
            }
            decimals += 1
            scale *= 10
        }
        return false
    }

    /// `digits` with a decimal point before its last `decimals` digits (`0.05`, `36.8`, `37`).
    private static func appendFixed(_ digits: UInt64, decimals: Int, to bytes: inout [UInt8]) {
        guard decimals > 0 else {
            CanonicalJSONBytes.appendDigits(digits, to: &bytes)
            return
        }
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = digits / divisor
        let fraction = digits % divisor
        CanonicalJSONBytes.appendDigits(whole, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        // Leading zeros of the fraction, then its digits (never trailing zeros: a shorter k would have matched).
        let start = bytes.count
        CanonicalJSONBytes.appendDigits(fraction, to: &bytes)
        let written = bytes.count - start
        if written < decimals {
            bytes.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - written), at: start)
        }
    }
}
