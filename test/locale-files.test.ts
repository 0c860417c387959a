import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalogue } from '../src/adapters/i18n/load-catalogue.js';
import { LOCALES } from '../src/domain/i18n/locales.js';
import { flattenMessages, placeholders } from '../src/domain/i18n/message-catalogue.js';
import { readFileSync } from 'node:fs';

const english = flattenMessages(JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8')));

describe('shipped locale files', () => {
  const catalogue = loadCatalogue();
  for (const locale of LOCALES) {
    it(`${locale} translates every English message with the same placeholders`, () => {
      const keys = new Set(catalogue.keys(locale));
      const missing = [...english.keys()].filter((key) => !keys.has(key) && !/_(zero|one|two|few|many)$/.test(key));
      assert.deepEqual(missing, [], `${locale} lacks messages`);
      for (const [key, message] of english) {
        if (!keys.has(key)) continue;
        const translated = catalogue.translate(locale, key);
        assert.notEqual(translated.trim(), '', `${locale} ${key} is empty`);
        assert.deepEqual(placeholders(translated).sort(), placeholders(message).sort(), `${locale} ${key} placeholders`);
      }
      const extra = [...keys].filter((key) => !english.has(key) && !/_(zero|one|two|few|many|other)$/.test(key));
      assert.deepEqual(extra, [], `${locale} has messages English lacks`);
    });
  }
});
