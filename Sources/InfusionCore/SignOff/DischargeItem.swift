public import Foundation

/// One entry of the discharge checklist, as a clinician records it.
public enum DischargeItem: Hashable, Codable, Sendable {
    /// A modified Aldrete score, entered item by item.
    case aldrete(AldreteScore)
    /// The clinician judged dissociation resolved.
    case dissociationResolved
    /// The IV cannula was removed.
    case ivRemoved
    /// A responsible adult escort is present, by name.
    case escortConfirmed(name: String)

    /// Which checklist line this entry fills (a later entry of the same kind replaces it).
    public var kind: Kind {
        switch self {
        case .aldrete: .aldrete
        case .dissociationResolved: .dissociationResolved
        case .ivRemoved: .ivRemoved
        case .escortConfirmed: .escortConfirmed
        }
    }

    /// `Aldrete 9/10`, `Dissociation resolved`, `IV removed`, `Escort: J. Smith`.
    public var label: String {
        switch self {
        case .aldrete(let score): score.label
        case .dissociationResolved: "Dissociation resolved"
        case .ivRemoved: "IV removed"
        case .escortConfirmed(let name): "Escort: \(name)"
        }
    }

    /// The checklist lines a clinician fills in.
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
        case aldrete
        case dissociationResolved
        case ivRemoved
        case escortConfirmed

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }
}

/// A checklist entry recorded for a session (journaled).
public struct DischargeItemRecord: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var item: DischargeItem
    public var by: OperatorIdentity
    public var at: Date

    public init(chair: ChairID, session: SessionID, item: DischargeItem, by: OperatorIdentity, at: Date) {
        self.chair = chair
        self.session = session
        self.item = item
        self.by = by
        self.at = at
    }
}
