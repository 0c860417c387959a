import { readFileSync } from 'node:fs';

const LIST = new URL('../../../../data/security/common-passwords.txt', import.meta.url);

let loaded: ReadonlySet<string> | undefined;

/** The shipped list of common and breached passwords, lower-cased; read once. */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(readFileSync(LIST, 'utf8').split('\n').map((line) => line.trim().toLowerCase()).filter((line) => line !== '' && !line.startsWith('#')));
  return loaded;
}
