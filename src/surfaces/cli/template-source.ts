import { existsSync, readFileSync } from 'node:fs';
import { loadTemplateFile } from '../../adapters/templates/template-files.js';
import type { TemplateDiff } from '../../commands/templates/diff-template.js';
import type { ReadTemplate } from '../../commands/templates/template-plan.js';
import { readTemplate } from '../templates/read-template.js';
import { reportDomainError } from './json-file.js';
import { usageError } from './usage-error.js';

/** A bundle from a file when one is there, else the shipped template of that name; its mistakes end the process as a refused document's do. */
export function templateSource(fileOrName: string): ReadTemplate {
  let value: unknown;
  try {
    value = existsSync(fileOrName) ? JSON.parse(readFileSync(fileOrName, 'utf8')) : loadTemplateFile(fileOrName);
  } catch (error) {
    if (error instanceof SyntaxError) usageError(`Cannot read ${fileOrName} as JSON: ${error.message}`);
    return reportDomainError(error);
  }
  try {
    return readTemplate(value);
  } catch (error) {
    return reportDomainError(error);
  }
}

const MARK = { added: '+', changed: '~', unchanged: '=', kept: '·', removed: '-' } as const;

/** A diff as lines for people: each section's items that change, marked, and how many stay as they are. */
export function diffLines(diff: TemplateDiff): string[] {
  const lines: string[] = [];
  for (const [section, items] of Object.entries(diff.sections)) {
    if (items.length === 0) continue;
    const unchanged = items.filter((item) => item.status === 'unchanged').length;
    lines.push(`${section}${unchanged > 0 ? ` (${unchanged} unchanged)` : ''}`);
    for (const item of items) if (item.status !== 'unchanged') lines.push(`  ${MARK[item.status]} ${item.key} (${item.status})`);
  }
  const { added, changed, unchanged, kept, removed } = diff.counts;
  lines.push(`${added} added, ${changed} changed, ${unchanged} unchanged, ${kept} kept, ${removed} removed.`);
  return lines;
}
