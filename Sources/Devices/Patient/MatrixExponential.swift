import Foundation

/// A small dense square matrix (row-major), just enough for the exact solution of a linear
/// compartment model: products and the matrix exponential.
///
/// Why its own type: the pharmacokinetic model is a linear system `x' = M x` (with the
/// infusion rate carried as an extra constant state), whose exact solution over a step `h`
/// is `x(t + h) = exp(M h) x(t)`. Computing `exp(M h)` once per step length gives an
/// answer that does not depend on how time is cut into steps.
struct SquareMatrix: Sendable, Equatable {
    /// Number of rows (and columns).
    let order: Int
    /// Entries, row-major: element (row, column) is at `row * order + column`.
    var entries: [Double]

    init(order: Int, entries: [Double]) {
        precondition(entries.count == order * order, "a square matrix needs order² entries")
        self.order = order
        self.entries = entries
    }

    /// The identity matrix of the given order.
    static func identity(order: Int) -> SquareMatrix {
        var matrix = SquareMatrix(order: order, entries: Array(repeating: 0, count: order * order))
        for index in 0..<order { matrix[index, index] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * order + column] }
        set { entries[row * order + column] = newValue }
    }

    /// The largest absolute row sum (the infinity norm), used to choose the scaling.
    var infinityNorm: Double {
        (0..<order).map { row in
            (0..<order).reduce(0) { $0 + abs(self[row, $1]) }
        }.max() ?? 0
    }

    /// The matrix product `self · other`.
    static func * (lhs: SquareMatrix, rhs: SquareMatrix) -> SquareMatrix {
        let n = lhs.order
        var result = [Double](repeating: 0, count: n * n)
        for row in 0..<n {
            for inner in 0..<n {
                let factor = lhs.entries[row * n + inner]
                if factor == 0 { continue }
                for column in 0..<n {
                    result[row * n + column] += factor * rhs.entries[inner * n + column]
                }
            }
        }
        return SquareMatrix(order: n, entries: result)
    }

    /// The product of this matrix and a column vector.
    func applied(to vector: [Double]) -> [Double] {
        precondition(vector.count == order, "vector length must match the matrix order")
        return (0..<order).map { row in
            (0..<order).reduce(0) { $0 + self[row, $1] * vector[$1] }
        }
    }

    /// The matrix scaled by a number.
    func scaled(by factor: Double) -> SquareMatrix {
        SquareMatrix(order: order, entries: entries.map { $0 * factor })
    }

    /// `exp(self · time)`, by scaling and squaring with a Taylor series.
    ///
    /// The matrix is scaled by 2^-s until its norm is at most 1/2, the Taylor series is summed
    /// until a term no longer changes the result in double precision (at most about 20
    /// terms at that norm), and the result is squared `s` times. For the stable compartment
    /// matrices used here this is accurate to a few units in the last place.
    func exponential(times time: Double) -> SquareMatrix {
        let scaledMatrix = scaled(by: time)
        let norm = scaledMatrix.infinityNorm
        var squarings = 0
        if norm > 0.5 {
            squarings = Int((log2(norm / 0.5)).rounded(.up))
        }
        let small = scaledMatrix.scaled(by: pow(2, -Double(squarings)))

        var result = SquareMatrix.identity(order: order)
        var term = SquareMatrix.identity(order: order)
        for power in 1...40 {
            term = (term * small).scaled(by: 1 / Double(power))
            let before = result.entries
            for index in result.entries.indices { result.entries[index] += term.entries[index] }
            if result.entries == before { break }
        }
        for _ in 0..<squarings { result = result * result }
        return result
    }
}
