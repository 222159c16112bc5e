export type Row = [figure: string, measured: string, target: string, verdict: string];

/** Plain fixed-width columns: the table must read the same in a CI log as in a terminal. */
export function renderTable(header: Row, rows: Row[]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: Row) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "met", or how far past the target the figure is, as a share of the target. */
export function verdict(met: boolean, value: number, target: number): string {
  if (met) return 'met';
  return `MISSED by ${Math.round(((value - target) / target) * 100)}%`;
}
