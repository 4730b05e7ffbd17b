/// The report's inline style sheet: print-friendly, readable without colour (every state
/// also has a word or a marker), no web fonts, no external resources.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1b1f24; --muted: #5b6470; --line: #d0d7de; --band: #f6f8fa; --bad: #b42318; --good: #1a7f37; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
               margin: 0 auto; max-width: 1160px; padding: 24px; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        .banner { border: 2px solid #9a6700; background: #fff8c5; padding: 6px 10px; font-weight: 700; margin: 8px 0; }
        .status { display: inline-block; padding: 1px 8px; border: 1px solid var(--ink); border-radius: 3px; font-weight: 700;
                  font-size: 12px; vertical-align: middle; margin-left: 8px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(330px, 1fr)); gap: 0 24px; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
        dt { color: var(--muted); }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 13px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .empty { color: var(--muted); font-style: italic; }
        .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12px; word-break: break-all; }
        .bad { color: var(--bad); font-weight: 700; }
        .good { color: var(--good); font-weight: 700; }
        .prio-high { color: var(--bad); font-weight: 700; }
        .prio-medium { color: #9a6700; font-weight: 700; }
        .prio-low { color: #0969da; font-weight: 600; }
        figure { margin: 8px 0 0; }
        figcaption { color: var(--muted); font-size: 12px; }
        svg.chart { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 12px; margin: 6px 0; padding: 0; list-style: none; }
        .legend svg { vertical-align: middle; margin-right: 4px; }
        .signature { border: 2px solid var(--ink); padding: 12px 16px; margin-top: 8px; }
        .signature.unsigned { border-style: dashed; color: var(--muted); }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media print { body { padding: 0; } h2 { break-after: avoid; } table, figure, .signature { break-inside: avoid; } }
        """
}
