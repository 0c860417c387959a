import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import ts from 'typescript';
import { APPROVAL_STATUSES } from '../src/domain/approval/approval.js';
import { ROLES } from '../src/domain/auth/roles.js';
import { ACTION_KINDS, AUTOMATION_EVENTS } from '../src/domain/automation/automation.js';
import { PRESENCES } from '../src/domain/agent/agent.js';
import { ATTEMPT_OUTCOMES, HANDOFF_MODES } from '../src/domain/handoff/handoff.js';
import { LOCALES } from '../src/domain/i18n/locales.js';
import { flattenMessages } from '../src/domain/i18n/message-catalogue.js';
import { EXCLUSION_REASONS } from '../src/domain/routing/decision.js';
import { ASSIGNMENT_MODES, STRATEGIES } from '../src/domain/routing/policy.js';
import { AUTHOR_KINDS } from '../src/domain/ticket/comment.js';
import { TICKET_STATUSES } from '../src/domain/ticket/status.js';
import { CHANNELS, PRIORITIES, TICKET_TYPES } from '../src/domain/ticket/ticket.js';

const WEB = fileURLToPath(new URL('../../web/src', import.meta.url));

/** Props whose text people read (or hear, through a screen reader). */
const READ_PROPS = new Set(['placeholder', 'title', 'aria-label', 'label', 'alt', 'hint', 'what']);

/**
 * Text that stays the same in every language, each with its reason. Nothing here is a word of
 * the interface: those go through the catalogues.
 */
const SAME_IN_EVERY_LANGUAGE = new Map<string, string>([
  ['Switchboard', 'the product name'],
  ['agent.level >= 2', 'an example of the expression language'],
  ['billing:5, refund:3', 'an example of the skills syntax'],
  ['2m', 'an example of the duration syntax'],
  ['Erlang A', 'the name of a queueing model'],
  ['Erlang C', 'the name of a queueing model'],
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** Text with a letter in it, in any script: punctuation, numbers and symbols alone need no translation. */
const hasWords = (text: string) => /\p{L}/u.test(text);

function untranslated(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!hasWords(trimmed) || SAME_IN_EVERY_LANGUAGE.has(trimmed)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(WEB, file)}:${line + 1}: ${JSON.stringify(trimmed)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && READ_PROPS.has(node.name.getText(source))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      if (value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteral(value.expression)) report(value, value.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it('every word a dashboard component shows comes from the catalogues', () => {
  const found = sourceFiles(WEB).flatMap(untranslated);
  assert.deepEqual(found, [], `Words written into components instead of taken from locales/*.json through t():\n${found.join('\n')}`);
});

/**
 * Ids the server sends and the dashboard shows through `labelOf`, each group read from the domain
 * module that owns it: a value added there without a word in every catalogue fails here, instead
 * of showing up as an English id in a Finnish or Chinese dashboard.
 */
const LABELLED: ReadonlyArray<readonly [prefix: string, values: readonly string[]]> = [
  ['dashboard.routing.strategy.', STRATEGIES],
  ['dashboard.routing.mode.', ASSIGNMENT_MODES],
  ['dashboard.routing.exclusion.', EXCLUSION_REASONS],
  ['dashboard.status.', TICKET_STATUSES],
  ['dashboard.priority.', PRIORITIES],
  ['dashboard.presence.', PRESENCES],
  ['dashboard.roles.', ROLES],
  ['dashboard.action_kind.', ACTION_KINDS],
  ['dashboard.event.', AUTOMATION_EVENTS],
  ['dashboard.author.', AUTHOR_KINDS],
  ['dashboard.ticket_type.', TICKET_TYPES],
  ['dashboard.new_ticket.channel_', CHANNELS],
  ['dashboard.handoff_mode.', HANDOFF_MODES],
  ['dashboard.attempt_outcome.', ATTEMPT_OUTCOMES],
  ['dashboard.approval_status.', APPROVAL_STATUSES],
];

it('every strategy, reason, status, role, action kind and event the server knows has a word in every catalogue', () => {
  for (const locale of LOCALES) {
    const path = new URL(`../../locales/${locale}.json`, import.meta.url);
    const keys = new Set(flattenMessages(JSON.parse(readFileSync(path, 'utf8'))).keys());
    const missing = LABELLED.flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`)).filter((key) => !keys.has(key));
    assert.deepEqual(missing, [], `locales/${locale}.json has no word for these values the server sends`);
  }
});
