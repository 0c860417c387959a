/**
 * Sentiment words for the languages Switchboard serves besides English, which VADER's lexicon
 * covers. Hand-written for Switchboard from common customer-service wording, with valences on
 * VADER's scale (-4 … +4) so the two sums can be added. A trailing `*` matches any ending (Finnish
 * and Indonesian inflect); Chinese entries match inside the text, which has no spaces.
 */
export const SENTIMENT_LEXICON: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  id: {
    'bagus': 1.9, 'baik': 1.5, 'senang': 2.0, 'puas': 2.0, 'terima kasih': 1.5, 'makasih': 1.4, 'mantap': 2.3, 'hebat': 2.4,
    'luar biasa': 2.6, 'cepat': 1.0, 'membantu': 1.6, 'suka': 1.8, 'sempurna': 2.8, 'ramah': 1.8,
    'buruk': -2.3, 'jelek': -2.1, 'kecewa': -2.3, 'mengecewakan': -2.5, 'marah': -2.5, 'kesal': -2.1, 'parah': -2.2,
    'lambat': -1.2, 'rusak': -1.7, 'gagal': -1.8, 'masalah': -1.1, 'bohong': -2.4, 'penipuan': -3.0, 'tipu': -2.8,
    'payah': -2.0, 'benci': -2.8, 'menyebalkan': -2.3, 'sangat buruk': -2.8, 'tidak berguna': -2.4,
  },
  sv: {
    'bra': 1.8, 'jättebra': 2.6, 'utmärkt': 2.8, 'tack': 1.5, 'nöjd': 2.0, 'glad': 2.0, 'snabb': 1.0, 'fantastisk*': 2.8,
    'perfekt': 2.8, 'hjälpsam*': 1.8, 'trevlig*': 1.8, 'toppen': 2.4, 'älskar': 2.7,
    'dålig*': -2.1, 'dåligt': -2.1, 'usel*': -2.6, 'besviken': -2.2, 'besvikelse': -2.3, 'arg': -2.4, 'förbannad': -2.8,
    'irriterad': -2.0, 'långsam*': -1.2, 'trasig*': -1.7, 'fungerar inte': -1.6, 'problem': -1.1, 'bedrägeri': -3.0,
    'oacceptabel*': -2.5, 'hemsk*': -2.7, 'katastrof*': -2.9, 'hatar': -2.8, 'missnöjd': -2.3,
  },
  fi: {
    'hyvä*': 1.8, 'hieno*': 2.2, 'erinomai*': 2.8, 'kiitos': 1.5, 'kiitti': 1.4, 'tyytyväi*': 2.0, 'iloinen': 2.0,
    'nopea*': 1.0, 'loistava*': 2.8, 'täydellinen': 2.8, 'avulia*': 1.8, 'ystävälli*': 1.8, 'mahtava*': 2.6,
    'huono*': -2.1, 'kamala*': -2.7, 'surkea*': -2.5, 'pettynyt': -2.2, 'pettymys': -2.3, 'vihainen': -2.4,
    'ärsyttä*': -2.0, 'ärsyyntynyt': -2.0, 'hidas': -1.2, 'hitaa*': -1.2, 'rikki': -1.7, 'ongelma*': -1.1,
    'petos': -3.0, 'huijaus': -3.0, 'kelvoton*': -2.4, 'vihaan': -2.8, 'tyytymätön': -2.3, 'ei toimi': -1.6,
  },
  zh: {
    // Greetings and "OK" hold 好 without meaning anything good; listing them at 0 keeps 好 from matching there.
    '你好': 0, '您好': 0, '好的': 0.3, '好': 1.5, '很好': 2.0, '满意': 2.0, '滿意': 2.0, '谢谢': 1.5, '謝謝': 1.5, '感谢': 1.7, '感謝': 1.7, '优秀': 2.6,
    '棒': 2.2, '喜欢': 1.9, '喜歡': 1.9, '快': 0.8, '完美': 2.8, '开心': 2.0, '開心': 2.0, '帮助很大': 2.0,
    '差': -2.0, '很差': -2.5, '糟糕': -2.6, '失望': -2.3, '生气': -2.4, '生氣': -2.4, '愤怒': -2.8, '憤怒': -2.8,
    '慢': -1.2, '坏了': -1.7, '壞了': -1.7, '问题': -1.0, '問題': -1.0, '骗': -2.8, '騙': -2.8, '垃圾': -2.7,
    '投诉': -2.0, '投訴': -2.0, '讨厌': -2.5, '討厭': -2.5, '不满': -2.3, '不滿': -2.3, '无法': -1.0, '無法': -1.0,
  },
};

/** Words that turn the next sentiment word around ("tidak bagus", "inte bra", "ei hyvä", "不好"). */
export const NEGATORS: Readonly<Record<string, readonly string[]>> = {
  id: ['tidak', 'tak', 'bukan', 'belum', 'kurang', 'jangan', 'nggak', 'gak', 'ga'],
  sv: ['inte', 'ej', 'aldrig', 'icke', 'ingen', 'inget', 'inga'],
  fi: ['en', 'et', 'ei', 'emme', 'ette', 'eivät', 'älä'],
  zh: ['不', '没', '沒', '别', '別', '非', '无', '無', '未'],
};
