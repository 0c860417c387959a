import { readdirSync, readFileSync } from 'node:fs';
import { fail } from '../../domain/errors.js';

/** The templates shipped with Switchboard, one JSON bundle per file, read at run time. */
export const TEMPLATES_DIR = new URL('../../../../templates/', import.meta.url);

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The names of the shipped templates, sorted. */
export function templateNames(dir: URL = TEMPLATES_DIR): string[] {
  return readdirSync(dir).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length)).filter((name) => NAME.test(name)).sort();
}

/** The bundle of a shipped template as parsed JSON, or `template_not_found`. */
export function loadTemplateFile(name: string, dir: URL = TEMPLATES_DIR): unknown {
  if (!templateNames(dir).includes(name)) throw fail('template_not_found', `No template "${name}"; GET /v1/templates lists them.`);
  return JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as unknown;
}
