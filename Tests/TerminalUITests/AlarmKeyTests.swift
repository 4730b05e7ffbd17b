import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// The alarm keys: `a` acknowledge, `s` silence, `A` list, `o` alarm off/on; Esc cancels.
@Suite struct AlarmKeyTests {
    let clinic = ClinicFixtures.alarmClinic()
    let controller = ScreenController()

    func press(_ keys: [Key], from screen: ScreenState = ScreenState()) -> (ScreenState, [ScreenEffect]) {
        var state = screen
        var effects: [ScreenEffect] = []
        for key in keys {
            let result = controller.handle(key: key, screen: state, clinic: clinic)
            state = result.0
            effects += result.1
        }
        return (state, effects)
    }

    func type(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func acknowledgeAsksForTheSelectedChair() {
        #expect(press([.character("a")]).1 == [.acknowledgeAlarms(ChairID("CHAIR-01"))])
        #expect(press([.character("5"), .character("a")]).1 == [.acknowledgeAlarms(ChairID("CHAIR-05"))])
        let detail = ScreenState(mode: .detail(ChairID("CHAIR-04")), selectedIndex: 3)
        #expect(press([.character("a")], from: detail).1 == [.acknowledgeAlarms(ChairID("CHAIR-04"))])
    }

    @Test func acknowledgeOnAChairWithoutAlarmsSaysSo() {
        let (state, effects) = press([.character("7"), .character("a")])
        #expect(effects.isEmpty)
        #expect(state.message == "CHAIR-07 has no active alarm")
    }

    @Test func silencePausesAudio() {
        #expect(press([.character("s")]).1 == [.pauseAudio])
    }

    @Test func alarmListMovesAndJumpsToTheChair() throws {
        let (list, _) = press([.character("A")])
        #expect(list.overlay == .alarmList(cursor: 0))
        let order = clinic.allActiveAlarms.map { $0.chair.id }
        // Highest priority first, then oldest: CHAIR-05's latched high alarm was raised first.
        #expect(Array(order.prefix(2)) == [ChairID("CHAIR-05"), ChairID("CHAIR-01")])
        let (moved, _) = press([.down, .down, .up, .down], from: list)
        #expect(moved.overlay == .alarmList(cursor: 2))
        let (jumped, effects) = press([.enter], from: moved)
        #expect(jumped.overlay == nil)
        #expect(effects.isEmpty)
        let target = try #require(clinic.chairs.firstIndex { $0.id == order[2] })
        #expect(jumped.selectedIndex == target)
        // The cursor stops at both ends.
        #expect(press([.up], from: list).0.overlay == .alarmList(cursor: 0))
        let bottom = press(Array(repeating: .down, count: 20), from: list).0
        #expect(bottom.overlay == .alarmList(cursor: order.count - 1))
    }

    @Test func alarmListClosesWithEscapeWithoutMoving() {
        let (closed, effects) = press([.character("A"), .down, .escape])
        #expect(closed.overlay == nil && closed.selectedIndex == 0 && effects.isEmpty)
        #expect(press([.character("A"), .character("q")]).0.overlay == .alarmList(cursor: 0), "q does not quit from the list")
    }

    @Test func alarmOffWithAPresetReason() {
        let (_, effects) = press([.character("o"), .character("1"), .character("2"), .enter])
        #expect(effects == [.switchAlarm(chair: ChairID("CHAIR-01"), kind: .heartRate, isOff: true, reason: "patient moving")])
    }

    @Test func alarmOffWithArrowsAndFreeTextThatTakesEveryLetter() {
        // Letters that are bindings elsewhere (a, s, q, o, A, t) are text in the reason.
        let keys: [Key] = [.character("o"), .down, .down, .enter] + type("q a s o A t") + [.backspace, .enter]
        let (state, effects) = press(keys)
        #expect(state.overlay == nil)
        #expect(effects == [.switchAlarm(chair: ChairID("CHAIR-01"), kind: .systolic, isOff: true, reason: "q a s o A")])
    }

    @Test func alarmOffNeedsAReason() {
        let (state, effects) = press([.character("o"), .character("2"), .enter, .character(" "), .enter])
        #expect(effects.isEmpty)
        #expect(state.overlay == .alarmOff(AlarmOffDialog(chair: ChairID("CHAIR-01"), step: .reason(kind: .spo2, text: " "))))
    }

    @Test func alarmOffOnAParameterAlreadyOffTurnsItBackOn() {
        let (asking, none) = press([.character("6"), .character("o"), .character("2")])
        #expect(none.isEmpty)
        #expect(asking.overlay == .alarmOff(AlarmOffDialog(chair: ChairID("CHAIR-06"), step: .turnOn(kind: .spo2))))
        #expect(press([.enter], from: asking).1 == [.switchAlarm(chair: ChairID("CHAIR-06"), kind: .spo2, isOff: false, reason: "")])
    }

    @Test(arguments: [
        [Key.character("o"), .escape],
        [.character("o"), .character("1"), .escape],
        [.character("o"), .character("1")] + "patient".map { Key.character($0) } + [.escape],
        [.character("6"), .character("o"), .character("2"), .escape],
    ])
    func escapeCancelsTheDialogWithNoEffect(_ keys: [Key]) {
        let (state, effects) = press(keys)
        #expect(state.overlay == nil)
        #expect(effects.isEmpty)
        #expect(state.mode == .board)
    }

    @Test func theAlarmKeysAreInTheOneTableAndTheFooter() {
        let commands = Set(KeyMap.standard.bindings.map(\.command))
        for command in [ScreenCommand.acknowledgeAlarms, .pauseAudio, .showAlarmList, .switchAlarm] {
            #expect(commands.contains(command))
        }
        let legend = KeyMap.standard.legend(glyphs: .unicode, width: 80)
        for entry in ["a ack", "s silence", "A alarms", "o alm off", "? help", "q quit"] { #expect(legend.contains(entry)) }
        #expect(legend.unicodeScalars.count <= 80)
        #expect(KeyMap.standard.legend(glyphs: .ascii, width: 80).count <= 80)
        // Wider, the dose and sign-in keys join; help and quit always stay last.
        let wide = KeyMap.standard.legend(glyphs: .unicode, width: 200)
        #expect(wide.contains("+-rpx dose") && wide.contains("i sign in") && wide.hasSuffix("? help  q quit"))
    }
}
