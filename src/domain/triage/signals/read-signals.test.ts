import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_KEYWORD_FLAGS, compileFlags } from './keyword-flags.js';
import { LanguageIdentifier } from '../../../adapters/triage/language-identifier.js';
import { readSignals } from './read-signals.js';
import { keywordFlagsOf } from './signal-settings.js';

const flags = compileFlags(DEFAULT_KEYWORD_FLAGS);
// The language is the reader's to tell (fastText, in the adapter); the signals are read from it as intake does.
const languages = await LanguageIdentifier.load();
const read = (text: string) => readSignals(text, flags, languages.guess(text));

describe('language of the ticket text', () => {
  const samples: [string, string][] = [
    ['en', 'I cannot log in to my account since yesterday, please help me.'],
    ['id', 'Saya tidak bisa masuk ke akun saya sejak kemarin, tolong bantu saya.'],
    ['sv', 'Jag kan inte logga in på mitt konto sedan igår, snälla hjälp mig.'],
    ['fi', 'En pääse kirjautumaan tililleni eilisestä lähtien, auttakaa minua.'],
    ['zh', '我从昨天开始无法登录我的账户，请帮帮我。'],
    ['id', 'Bisakah anda membantu saya mengubah alamat pengiriman pesanan saya?'],
    ['sv', 'Kan ni hjälpa mig att byta leveransadress för min beställning?'],
    ['fi', 'Voitteko auttaa minua vaihtamaan tilaukseni toimitusosoitteen?'],
  ];
  for (const [language, text] of samples) {
    it(`reads ${language} from "${text.slice(0, 30)}…"`, () => assert.equal(read(text).language, language));
  }

  it('says nothing when the text is too short or has no letters to tell by', () => {
    for (const text of ['', 'ok', 'hi', '12345 67890 !!!', '🙂🙂🙂', '\u0000\u200b']) assert.equal(read(text).language, null, text);
  });
});

describe('sentiment', () => {
  const clear: [string, string, 1 | -1][] = [
    ['en', 'Thank you so much, your support team was great and fixed it quickly!', 1],
    ['en', 'This is terrible. I am furious, the app crashed again and nobody answers.', -1],
    ['id', 'Terima kasih, pelayanannya sangat bagus dan cepat, saya puas sekali.', 1],
    ['id', 'Saya sangat kecewa, pesanan saya rusak dan pelayanannya buruk.', -1],
    ['sv', 'Tack så mycket, jättebra hjälp och snabb service, jag är mycket nöjd.', 1],
    ['sv', 'Jag är väldigt besviken och arg, leveransen var usel och varan trasig.', -1],
    ['fi', 'Kiitos paljon, erinomainen palvelu ja nopea apu, olen tyytyväinen.', 1],
    ['fi', 'Olen todella pettynyt ja vihainen, palvelu oli surkea ja tuote rikki.', -1],
    ['zh', '非常感谢，你们的服务很好，我很满意。', 1],
    ['zh', '我非常失望和生气，你们的服务太糟糕了。', -1],
  ];
  for (const [language, text, sign] of clear) {
    it(`is ${sign > 0 ? 'positive' : 'negative'} for clear ${language}: "${text.slice(0, 30)}…"`, () => {
      assert.equal(Math.sign(read(text).sentiment), sign, `${read(text).sentiment}`);
    });
  }

  it('turns negated words around in each language', () => {
    for (const text of ['Palvelu ei ollut hyvä.', 'Pelayanannya tidak bagus sama sekali.', 'Servicen var inte bra alls.', '服务不好。']) {
      assert.ok(read(text).sentiment < 0, text);
    }
  });

  it('is 0 for text without sentiment words and stays in -1 … 1', () => {
    assert.equal(read('Order 4411 shipping address change').sentiment, 0);
    assert.equal(read('你好，我想查询订单').sentiment, 0);
    const score = read('GREAT!!! '.repeat(50)).sentiment;
    assert.ok(score > 0.9 && score <= 1);
  });
});

describe('requests for a human', () => {
  const asks: [string, string][] = [
    ['en', 'This bot is useless, I want to talk to a real person.'],
    ['en', 'Can I speak to someone please?'],
    ['id', 'Saya mau bicara dengan manusia, bukan bot.'],
    ['id', 'Tolong hubungkan saya dengan agen.'],
    ['sv', 'Jag vill prata med en människa.'],
    ['sv', 'Kan jag få tala med en handläggare?'],
    ['fi', 'Haluan puhua ihmisen kanssa.'],
    ['fi', 'Yhdistä minut asiakaspalvelijalle, kiitos.'],
    ['zh', '我要转人工。'],
    ['zh', '请帮我接人工客服'],
  ];
  for (const [language, text] of asks) {
    it(`hears it in ${language}: "${text}"`, () => assert.equal(read(text).asksForHuman, true));
  }

  it('does not hear it in ordinary requests', () => {
    for (const text of [
      'My personal details are wrong.', 'It was a human error on the invoice.', '人工智能功能无法使用',
      'Saya ingin mengubah alamat.', 'Jag vill ändra min adress.', 'Haluan vaihtaa osoitteen.', '',
    ]) assert.equal(read(text).asksForHuman, false, text);
  });
});

describe('keyword flags', () => {
  it('finds the default flags in each language and whole words only', () => {
    assert.deepEqual(read('Please cancel my subscription and refund me, or my lawyer will call.').flags, ['cancel', 'refund', 'legal']);
    assert.deepEqual(read('Tolong batalkan pesanan saya dan pengembalian dana.').flags, ['cancel', 'refund']);
    assert.deepEqual(read('Jag vill säga upp mitt avtal, annars kontaktar jag en advokat.').flags, ['cancel', 'legal']);
    assert.deepEqual(read('Haluan hyvityksen, muuten vien asian oikeuteen.').flags, ['refund', 'legal']);
    assert.deepEqual(read('我要退款，否则我会起诉你们。').flags, ['refund', 'legal']);
    assert.deepEqual(read('I have an issue with the tissue box; of course it matters.').flags, []);
  });

  it("uses the workspace's own flags instead of the defaults, skipping malformed entries", () => {
    const own = keywordFlagsOf({ signals: { flags: { vip_words: ['ceo', 'board meeting'], 'Bad Name': ['x'], broken: 'cancel' } } });
    assert.deepEqual(own.map((f) => f.name), ['vip_words']);
    const text = 'Our CEO needs this before the board meeting; cancel nothing';
    assert.deepEqual(readSignals(text, own, languages.guess(text)).flags, ['vip_words']);
    assert.deepEqual(keywordFlagsOf({}).map((f) => f.name), Object.keys(DEFAULT_KEYWORD_FLAGS));
    assert.deepEqual(keywordFlagsOf({ signals: 'off' }).map((f) => f.name), Object.keys(DEFAULT_KEYWORD_FLAGS));
  });
});

describe('odd input', () => {
  it('never throws and keeps the score in range, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const signals = read(text);
      assert.ok(signals.sentiment >= -1 && signals.sentiment <= 1 && Number.isFinite(signals.sentiment));
    }), { numRuns: 150 });
  });

  it('reads a megabyte of text quickly', () => {
    const huge = 'Please refund my order, the parcel never arrived. '.repeat(20_000);
    const started = performance.now();
    const signals = read(huge);
    assert.deepEqual(signals.flags, ['refund']);
    assert.ok(performance.now() - started < 2_000);
  });
});
