/** Lines framed by rules above and below, with a blank line around, so they stand out in a terminal. */
export function startBanner(lines: readonly string[]): string {
  const width = Math.min(100, Math.max(...lines.map((line) => line.length)));
  const rule = '═'.repeat(width);
  return ['', rule, ...lines, rule, ''].join('\n');
}
