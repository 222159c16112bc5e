export type Row = [figure: string, measured: string, target: string, verdict: string];

/** Plain fixed-width columns: the table must read the same in a CI log as in a terminal. */
export function renderTable(header: Row, rows: Row[]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: Row) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "met", or how far past the target the figure is (above a ceiling or below a floor), as a share of the target. */
export function verdict(met: boolean, value: number, target: number): string {
  if (met) return 'met';
  return `MISSED by ${Math.round((Math.abs(value - target) / target) * 100)}%`;
}

/** A change in MB with its sign: "+45.5", "-14.4". */
export function signedMB(value: number): string {
  return `${value >= 0 ? '+' : ''}${value}`;
}
