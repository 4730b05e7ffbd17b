import Foundation
import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// Alarm screens compared with the text files in `Golden/` (record with `RECORD_GOLDEN=1`).
@Suite struct AlarmGoldenTests {
    func check(_ name: String, _ buffer: CellBuffer) {
        let mismatch = GoldenFile(name).mismatch(ScreenFixtures.text(buffer))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    func frame(
        _ clinic: ClinicState, screen: ScreenState = ScreenState(), context: RenderContext = ScreenFixtures.context()
    ) -> CellBuffer {
        ScreenRenderer().frame(width: 80, height: 24, clinic: clinic, screen: screen, context: context)
    }

    @Test func boardWithAlarmsInEveryState() {
        check("alarms-board-80x24.txt", frame(ClinicFixtures.alarmClinic()))
    }

    @Test func boardWithAlarmsInASCII() {
        check("alarms-board-80x24-ascii.txt", frame(ClinicFixtures.alarmClinic(), context: ScreenFixtures.context(glyphs: .ascii)))
    }

    @Test(arguments: AlarmPriority.allCases)
    func eachPriorityOnATile(_ priority: AlarmPriority) {
        check("alarm-\(priority.word.lowercased())-80x24.txt", frame(ClinicFixtures.clinic(alarm: priority)))
    }

    @Test func technicalAlarmOnATile() {
        check("alarm-technical-80x24.txt", frame(ClinicFixtures.clinic(alarm: .medium, technical: true)))
    }

    @Test func boardWithAlarmsAt120x40() {
        let buffer = ScreenRenderer().frame(width: 120, height: 40, clinic: ClinicFixtures.alarmClinic(),
                                            screen: ScreenState(terminalWidth: 120, terminalHeight: 40),
                                            context: ScreenFixtures.context())
        check("alarms-board-120x40.txt", buffer)
    }

    @Test func alarmList() {
        let screen = ScreenState(overlay: .alarmList(cursor: 1))
        check("alarm-list-80x24.txt", frame(ClinicFixtures.alarmClinic(), screen: screen))
    }

    @Test func alarmListWithJournalFailure() {
        var context = ScreenFixtures.context()
        context.journalFailure = "disk full"
        check("alarm-list-journal-80x24.txt",
              frame(ClinicFixtures.alarmClinic(), screen: ScreenState(overlay: .alarmList(cursor: 0)), context: context))
    }

    @Test func alarmOffDialogSteps() {
        let clinic = ClinicFixtures.alarmClinic()
        let chair = ChairID("CHAIR-06")
        check("alarm-off-parameter-80x24.txt", frame(clinic, screen: ScreenState(
            overlay: .alarmOff(AlarmOffDialog(chair: chair, step: .parameter(cursor: 2))), selectedIndex: 5)))
        check("alarm-off-reason-80x24.txt", frame(clinic, screen: ScreenState(
            overlay: .alarmOff(AlarmOffDialog(chair: chair, step: .reason(kind: .heartRate, text: "cold han"))),
            selectedIndex: 5)))
        check("alarm-off-turn-on-80x24.txt", frame(clinic, screen: ScreenState(
            overlay: .alarmOff(AlarmOffDialog(chair: chair, step: .turnOn(kind: .spo2))), selectedIndex: 5)))
    }

    @Test func headerWithAudioPausedAndJournalFailing() {
        var script = ClinicFixtures.alarmScript()
        ClinicFixtures.pauseAudio(by: "station:lee", at: ClinicFixtures.now.addingTimeInterval(-15), in: &script)
        var context = ScreenFixtures.context()
        context.journalFailure = "disk full"
        check("alarms-paused-journal-80x24.txt", frame(script.state, context: context))
    }

    @Test func detailWithAlarmHistory() {
        let screen = ScreenState(mode: .detail(ChairID("CHAIR-01")), selectedIndex: 0)
        check("alarms-detail-80x24.txt", frame(ClinicFixtures.alarmClinic(), screen: screen))
    }

    @Test func helpListsTheAlarmKeys() {
        check("help-80x24.txt", frame(ClinicFixtures.demoClinic(), screen: ScreenState(overlay: .help)))
    }
}
