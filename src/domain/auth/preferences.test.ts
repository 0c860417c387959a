import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { changedPreferences } from './preferences.js';

const browser = { language: null, timeZone: null };

describe('changedPreferences', () => {
  it('changes only the fields given, and null returns a field to the browser', () => {
    const finnish = changedPreferences(browser, { language: 'fi' });
    assert.deepEqual(finnish, { language: 'fi', timeZone: null });
    assert.deepEqual(changedPreferences(finnish, { timeZone: 'Asia/Kolkata' }), { language: 'fi', timeZone: 'Asia/Kolkata' });
    assert.deepEqual(changedPreferences({ language: 'fi', timeZone: 'UTC' }, { language: null }), { language: null, timeZone: 'UTC' });
  });

  it('refuses a language the dashboard does not speak and a zone the time-zone database does not know', () => {
    for (const change of [{ language: 'de' }, { language: 'FI' }, { timeZone: 'Europe/Atlantis' }, { timeZone: '' }]) {
      assert.throws(() => changedPreferences(browser, change), (error: unknown) => error instanceof DomainError && error.code === 'invalid_value', JSON.stringify(change));
    }
  });
});
