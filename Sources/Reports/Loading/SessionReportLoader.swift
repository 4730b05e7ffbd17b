public import Foundation
public import InfusionCore
import Journal

/// Reads sessions out of the journal: one session's ``SessionReport``, or every session's
/// ``SessionSummary``.
///
/// Opens the journal read-only (it never changes the file and can run beside a running
/// station). A session's events are those the journal filed under its ID, plus the
/// sign-off entries that name it (recorded after the chair was freed, they are filed
/// under no session).
///
/// ```swift
/// let loader = try SessionReportLoader(databasePath: url)
/// let report = try loader.report(for: SessionID("CHAIR-01-1741939200"))
/// print(ReportFormat.text.render(report))
/// ```
public struct SessionReportLoader: Sendable {
    /// Payload kinds of entries that name their session but may follow its closing.
    static let signOffKinds = [
        "dissociationScored", "interventionRecorded", "dischargeItemRecorded", "sessionSigned", "sessionAmended",
    ]

    let store: JournalStore
    private let bindings: BindingCheck

    /// Opens the journal at `databasePath` read-only.
    ///
    /// - Throws: ``ReportError/journal(_:)`` when the file is missing or unreadable.
    public init(databasePath: URL) throws(ReportError) {
        do {
            store = try JournalStore(path: databasePath, readOnly: true)
        } catch {
            throw .journal(error.description)
        }
        bindings = BindingCheck(store: store)
    }

    /// The report of one session.
    ///
    /// - Throws: ``ReportError/unknownSession(_:)`` when the journal has no such session.
    public func report(for session: SessionID) throws(ReportError) -> SessionReport {
        do {
            return try makeReport(session)
        } catch let error as ReportError {
            throw error
        } catch let error as JournalError {
            throw .journal(error.description)
        } catch {
            throw .journal(String(describing: error))
        }
    }

    private func makeReport(_ session: SessionID) throws -> SessionReport {
        let filed = try store.events(filter: EventFilter(session: session))
        guard let first = filed.first(where: { $0.payload.startedSession == session }),
            case .sessionStarted(let start) = first.payload
        else { throw ReportError.unknownSession(session.rawValue) }
        let signOff = try store.events(filter: EventFilter(kinds: Self.signOffKinds, sequences: first.sequence...UInt64.max))
            .filter { $0.payload.signOffSession == session }
        var events = filed
        let filedSequences = Set(filed.map(\.sequence))
        events += signOff.filter { !filedSequences.contains($0.sequence) }
        events.sort { $0.sequence < $1.sequence }

        var context = SessionReportBuilder.Context()
        if case .clinicNamed(let name)? = try store.lastEvent(ofKinds: ["clinicNamed"], before: first.sequence)?.payload {
            context.clinicName = name
        }
        if case .alarmRulesConfigured(let rules)? = try store.lastEvent(ofKinds: ["alarmRulesConfigured"], before: first.sequence)?.payload {
            context.alarmRules = rules
        }
        let registered = try store.events(filter: EventFilter(chair: start.chair, kinds: ["deviceRegistered"], sequences: 0...first.sequence))
        var devices: [DeviceID: DeviceDescriptor] = [:]
        for event in registered { if case .deviceRegistered(let device) = event.payload { devices[device.id] = device } }
        context.devices = Array(devices.values)

        var builder = SessionReportBuilder(start: start, at: first, context: context)
        for event in events { builder.apply(event) }
        var report = builder.build()
        let sequences = (report.signature.map { [$0.sequence] } ?? []) + report.amendments.compactMap(\.signatureSequence)
        let checks = bindings.check(sequences: sequences)
        for index in report.amendments.indices {
            guard let sequence = report.amendments[index].signatureSequence else { continue }
            report.amendments[index].signatureVerifies = checks[sequence]?.verifies ?? false
        }
        if var signature = report.signature, let check = checks[signature.sequence] {
            signature.verifies = check.verifies
            signature.problem = check.problem
            report.signature = signature
        }
        return report
    }
}

extension ClinicEventPayload {
    /// The session a `sessionStarted` payload opens.
    var startedSession: SessionID? {
        if case .sessionStarted(let start) = self { return start.session }
        return nil
    }
}
