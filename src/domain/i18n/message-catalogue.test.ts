import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedLanguages, resolveLocale } from './locales.js';
import { MessageCatalogue } from './message-catalogue.js';

const catalogue = new MessageCatalogue({
  en: { email: { hello: 'Hello {name}', items_one: '{count} item', items_other: '{count} items', only_en: 'English only' } },
  fi: { email: { hello: 'Hei {name}', items_one: '{count} kohde', items_other: '{count} kohdetta' } },
  zh: { email: { items_other: '{count} 项' } },
});

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(catalogue.translate('fi', 'email.hello', { name: 'Aino' }), 'Hei Aino');
    assert.equal(catalogue.translate('fi', 'email.hello'), 'Hei {name}');
  });

  it('falls back to English, then to the key', () => {
    assert.equal(catalogue.translate('fi', 'email.only_en'), 'English only');
    assert.equal(catalogue.translate('sv', 'email.missing'), 'email.missing');
  });

  it('picks the plural form by the locale rules', () => {
    assert.equal(catalogue.translate('en', 'email.items', { count: 1 }), '1 item');
    assert.equal(catalogue.translate('fi', 'email.items', { count: 3 }), '3 kohdetta');
    assert.equal(catalogue.translate('zh', 'email.items', { count: 1 }), '1 项');
  });
});

describe('locale resolution', () => {
  it('takes the first supported primary subtag', () => {
    assert.equal(resolveLocale(null, 'zh-Hans-CN'), 'zh');
    assert.equal(resolveLocale('de', 'sv_SE'), 'sv');
    assert.equal(resolveLocale('ms'), 'id');
    assert.equal(resolveLocale('de', undefined, ''), 'en');
  });

  it('orders Accept-Language by weight', () => {
    assert.deepEqual(acceptedLanguages('de;q=0.5, fi-FI, sv;q=0.8, *;q=0.1, en;q=0'), ['fi-FI', 'sv', 'de']);
    assert.deepEqual(acceptedLanguages(undefined), []);
  });
});
