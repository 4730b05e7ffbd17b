import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// Which tiles fit where, and that no chair is ever silently left off.
@Suite struct BoardLayoutTests {
    @Test func eightChairsFitAt80x24() throws {
        let layout = try #require(BoardLayout.make(width: 80, height: 24, chairCount: 8))
        #expect(layout.columns == 2)
        #expect(layout.tiles.count == 8)
        #expect(layout.hiddenCount == 0)
        #expect(layout.style == .regular)
    }

    @Test func twentyFourChairsFitAt120x40InCompactTiles() throws {
        let layout = try #require(BoardLayout.make(width: 120, height: 40, chairCount: 24))
        #expect(layout.columns == 3)
        #expect(layout.style == .compact)
        #expect(layout.tiles.count == 24)
        #expect(layout.moreSlot == nil)
    }

    @Test func fewChairsGetTheLargestStyle() throws {
        let layout = try #require(BoardLayout.make(width: 120, height: 40, chairCount: 8))
        #expect(layout.style == .large)
    }

    @Test func tilesStayInsideTheGridAndDoNotOverlap() throws {
        let layout = try #require(BoardLayout.make(width: 120, height: 40, chairCount: 24))
        let grid = Rect(x: 0, y: 1, width: 120, height: 38)
        for (index, tile) in layout.tiles.enumerated() {
            #expect(tile.intersection(grid) == tile)
            for other in layout.tiles[(index + 1)...] { #expect(tile.intersection(other).isEmpty) }
        }
    }

    @Test func overflowShowsPlusNMoreCountingEveryHiddenChair() throws {
        // 80x24 compact: 2 columns x 5 rows = 10 slots, one of them for "+N more".
        let layout = try #require(BoardLayout.make(width: 80, height: 24, chairCount: 14))
        #expect(layout.tiles.count == 9)
        #expect(layout.hiddenCount == 5)
        #expect(layout.moreSlot != nil)
        let text = ScreenFixtures.text(ScreenFixtures.frame(ClinicFixtures.clinic(chairCount: 14), width: 80, height: 24))
        #expect(text.contains("+5 more"))
    }

    @Test func thePageFollowsTheSelection() throws {
        let layout = try #require(BoardLayout.make(width: 80, height: 24, chairCount: 14, selected: 12))
        #expect(layout.firstVisible == 9)
        #expect(layout.tiles.count == 5)
        #expect(layout.hiddenCount == 9)
        let clinic = ClinicFixtures.clinic(chairCount: 14)
        let text = ScreenFixtures.text(ScreenFixtures.frame(clinic, screen: ScreenState(selectedIndex: 12), width: 80, height: 24))
        #expect(text.contains("►CHAIR-13"))
        #expect(text.contains("+9 more"))
    }

    @Test func belowTheMinimumSizeTheScreenSaysSo() {
        #expect(BoardLayout.make(width: 59, height: 24, chairCount: 8) == nil)
        #expect(BoardLayout.make(width: 80, height: 11, chairCount: 8) == nil)
        let text = ScreenFixtures.text(ScreenFixtures.frame(ClinicFixtures.demoClinic(), width: 50, height: 10))
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("60x12"))
    }

    @Test func theSmallestUsableScreenStillDrawsTiles() {
        let text = ScreenFixtures.text(ScreenFixtures.frame(ClinicFixtures.demoClinic(), width: 60, height: 12))
        #expect(text.contains("CHAIR-01"))
        #expect(text.contains("more"))
    }
}
