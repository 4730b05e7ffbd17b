import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// Whole screens compared with the text files in `Golden/` (record with `RECORD_GOLDEN=1`).
@Suite struct GoldenScreenTests {
    let demo = ClinicFixtures.demoClinic()

    func check(_ name: String, _ buffer: CellBuffer) {
        let mismatch = GoldenFile(name).mismatch(ScreenFixtures.text(buffer))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func boardAt80x24() {
        check("board-80x24.txt", ScreenFixtures.frame(demo, width: 80, height: 24))
    }

    @Test func boardAt120x40WithTwentyFourChairs() {
        check("board-120x40.txt", ScreenFixtures.frame(ClinicFixtures.clinic(chairCount: 24), width: 120, height: 40))
    }

    @Test func boardAt120x40WithEightChairsUsesLargeTiles() {
        check("board-120x40-large.txt", ScreenFixtures.frame(demo, width: 120, height: 40))
    }

    @Test func boardInASCII() {
        check("board-80x24-ascii.txt", ScreenFixtures.frame(demo, width: 80, height: 24, glyphs: .ascii))
    }

    @Test func detailAt80x24() {
        let screen = ScreenState(mode: .detail(ChairID("CHAIR-01")), selectedIndex: 0)
        check("detail-80x24.txt", ScreenFixtures.frame(demo, screen: screen, width: 80, height: 24))
    }

    @Test func helpAt80x24() {
        check("help-80x24.txt", ScreenFixtures.frame(demo, screen: ScreenState(overlay: .help), width: 80, height: 24))
    }

    @Test func quitDialogAt80x24() {
        let screen = ScreenState(overlay: .quitConfirmation)
        check("quit-80x24.txt", ScreenFixtures.frame(demo, screen: screen, width: 80, height: 24))
    }

    @Test func tooSmall() {
        check("too-small.txt", ScreenFixtures.frame(demo, width: 50, height: 10))
    }

    @Test func plusMoreWhenChairsDoNotFit() {
        check("plus-more.txt", ScreenFixtures.frame(ClinicFixtures.clinic(chairCount: 14), width: 80, height: 24))
    }
}
