import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// `ScreenController`: keys in, screen state and effects out.
@Suite struct KeyHandlingTests {
    let demo = ClinicFixtures.demoClinic()
    let controller = ScreenController()

    /// Presses `keys` in order from `screen` (80x24: two columns of tiles).
    func press(_ keys: [Key], from screen: ScreenState = ScreenState(), clinic: ClinicState? = nil)
        -> (ScreenState, [ScreenEffect]) {
        var state = screen
        var effects: [ScreenEffect] = []
        for key in keys {
            let result = controller.handle(key: key, screen: state, clinic: clinic ?? demo)
            state = result.0
            effects += result.1
        }
        return (state, effects)
    }

    @Test func rightAndLeftStepThroughChairsAndWrap() {
        #expect(press([.right]).0.selectedIndex == 1)
        #expect(press([.character("l"), .character("l")]).0.selectedIndex == 2)
        #expect(press([.left]).0.selectedIndex == 7)
        #expect(press([.right], from: ScreenState(selectedIndex: 7)).0.selectedIndex == 0)
    }

    @Test func upAndDownMoveByARowAndWrapWithinTheColumn() {
        // 80x24: 2 columns, chairs 0..7 in 4 rows.
        #expect(press([.down]).0.selectedIndex == 2)
        #expect(press([.character("j"), .character("j")]).0.selectedIndex == 4)
        #expect(press([.down], from: ScreenState(selectedIndex: 7)).0.selectedIndex == 1)
        #expect(press([.up], from: ScreenState(selectedIndex: 1)).0.selectedIndex == 7)
        #expect(press([.character("k")], from: ScreenState(selectedIndex: 0)).0.selectedIndex == 6)
    }

    @Test func upAndDownFollowTheColumnsOfAWiderScreen() {
        let wide = ScreenState(terminalWidth: 120, terminalHeight: 40)
        #expect(press([.down], from: wide).0.selectedIndex == 3)
    }

    @Test func digitsSelectChairNAndReportAMissingOne() {
        #expect(press([.character("5")]).0.selectedIndex == 4)
        let (state, _) = press([.character("9")], from: ScreenState(selectedIndex: 2))
        #expect(state.selectedIndex == 2)
        #expect(state.message == "No chair 9: the clinic has 8")
        #expect(press([.character("9"), .right]).0.message == nil)
    }

    @Test func enterOpensDetailAndEscapeGoesBack() {
        let (detail, _) = press([.character("3"), .enter])
        #expect(detail.mode == .detail(ChairID("CHAIR-03")))
        #expect(press([.escape], from: detail).0.mode == .board)
    }

    @Test func movingInDetailFollowsTheSelection() {
        let (state, _) = press([.enter, .right])
        #expect(state.mode == .detail(ChairID("CHAIR-02")))
    }

    @Test func helpOpensAndCloses() {
        let (help, _) = press([.character("?")])
        #expect(help.overlay == .help)
        #expect(press([.escape], from: help).0.overlay == nil)
        #expect(press([.escape], from: help).0.mode == .board)
        #expect(press([.character("?")], from: help).0.overlay == nil)
    }

    @Test func themeKeyAsksTheAppToCycle() {
        #expect(press([.character("t")]).1 == [.cycleTheme])
    }

    @Test func quitAsksFirstWhileSessionsAreActive() {
        let (asking, effects) = press([.character("q")])
        #expect(asking.overlay == .quitConfirmation)
        #expect(effects.isEmpty)
        #expect(press([.character("y")], from: asking).1 == [.quit])
        let (declined, none) = press([.character("n")], from: asking)
        #expect(declined.overlay == nil && none.isEmpty)
        #expect(press([.escape], from: asking).0.overlay == nil)
        // Other keys do nothing while the question is open.
        #expect(press([.right], from: asking).0 == asking)
    }

    @Test func quitLeavesAtOnceWithNoActiveSession() {
        var script = ClinicEventScript()
        ClinicFixtures.configure(1, in: &script)
        #expect(press([.character("q")], clinic: script.state).1 == [.quit])
    }

    @Test func resizeChangesNothing() {
        let screen = ScreenState(mode: .detail(ChairID("CHAIR-01")), selectedIndex: 0)
        #expect(press([.resize], from: screen) == (screen, []))
    }

    @Test func unboundKeysAreIgnored() {
        #expect(press([.character("z"), .function(5)]) == (ScreenState(), []))
    }

    @Test func everyScreenKeyHasExactlyOneBinding() {
        var seen: [KeyScope: Set<Key>] = [:]
        for binding in KeyMap.standard.bindings {
            for key in binding.keys {
                #expect(!(seen[binding.scope]?.contains(key) ?? false), "\(key) bound twice")
                seen[binding.scope, default: []].insert(key)
            }
        }
    }
}
