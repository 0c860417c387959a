import { phraseMatcher, type PhraseMatcher } from './phrase-matcher.js';

/**
 * The flags every workspace starts with, each with its words in English, Indonesian, Swedish,
 * Finnish and Chinese. A workspace replaces the whole set with `settings.signals.flags`.
 * `word*` matches any ending; Chinese words match anywhere in the text.
 */
export const DEFAULT_KEYWORD_FLAGS: Readonly<Record<string, readonly string[]>> = {
  cancel: [
    'cancel*', 'unsubscribe*', 'terminate my', 'close my account', 'delete my account',
    'batal*', 'pembatalan', 'berhenti berlangganan', 'tutup akun', 'hapus akun',
    'avbryt*', 'avboka', 'avbokning', 'säga upp', 'säg upp', 'uppsägning', 'avsluta mitt',
    'peruut*', 'peru', 'perua', 'irtisano*', 'lopettaa tilau*', 'poista tilini',
    '取消', '退订', '退訂', '注销', '註銷',
  ],
  refund: [
    'refund*', 'money back', 'reimburs*', 'repay*',
    'pengembalian dana', 'uang kembali', 'kembalikan uang',
    'återbetal*', 'pengarna tillbaka', 'pengar tillbaka',
    'hyvity*', 'rahat takaisin', 'rahojen palautus', 'palauttakaa rahat',
    '退款', '退钱', '退錢', '返还', '返還',
  ],
  chargeback: [
    'chargeback*', 'charge back', 'dispute the charge', 'disputed charge', 'dispute with my bank', 'dispute with my card',
    'sanggah tagihan', 'sengketa tagihan',
    'återkrav', 'bestrida debitering*', 'bestrider debitering*',
    'takaisinveloit*', 'kiistän veloitu*',
    '拒付', '退单', '退單', '争议交易', '爭議交易',
  ],
  legal: [
    'lawyer*', 'attorney*', 'legal action', 'lawsuit*', 'sue', 'sued', 'suing', 'court', 'solicitor*', 'gdpr', 'ombudsman',
    'pengacara', 'gugat*', 'tuntut*', 'jalur hukum', 'pengadilan', 'somasi',
    'advokat*', 'stämma er', 'stämmer er', 'rättsliga åtgärder', 'domstol*', 'jurist*', 'anmäla er',
    'asianajaja*', 'oikeuteen', 'haastaa', 'haastan', 'oikeustoim*', 'lakimie*', 'kuluttajariita*',
    '律师', '律師', '起诉', '起訴', '法院', '诉讼', '訴訟', '法律行动', '法律行動',
  ],
  security: [
    'hacked', 'hacker*', 'phishing', 'fraud*', 'unauthori*', 'stolen', 'identity theft', 'data breach',
    'diretas', 'peretas', 'penipuan', 'dicuri', 'tidak sah',
    'hackad*', 'kapad*', 'bedrägeri*', 'nätfiske', 'stulen', 'stulna', 'obehörig*',
    'hakkeroi*', 'tietojenkalastelu', 'petos*', 'huijau*', 'varastettu*', 'luvaton',
    '被盗', '被盜', '盗号', '盜號', '诈骗', '詐騙', '钓鱼', '釣魚', '未经授权', '未經授權',
  ],
  complaint: [
    'complain*', 'unacceptable', 'worst service', 'escalate this', 'speak to a manager', 'speak to your manager',
    'keluhan', 'komplain', 'mengeluh', 'tidak dapat diterima',
    'klagomål', 'reklamation', 'oacceptabelt', 'klaga',
    'valitus', 'valitan', 'reklamaatio', 'kohtuutonta', 'ei hyväksyttävää',
    '投诉', '投訴', '不可接受', '太差劲', '太差勁',
  ],
};

/** One flag and how to spot it. */
export interface CompiledFlag {
  name: string;
  matches: PhraseMatcher;
}

/** Promises matchers for a flag set, in the set's order; flags with no usable words never match. */
export function compileFlags(flags: Readonly<Record<string, readonly string[]>>): CompiledFlag[] {
  return Object.entries(flags).map(([name, words]) => ({ name, matches: phraseMatcher(words) }));
}

/** Promises the names of the flags whose words appear in the folded text, in the set's order. */
export function matchFlags(foldedText: string, flags: readonly CompiledFlag[]): string[] {
  return flags.filter((flag) => flag.matches(foldedText)).map((flag) => flag.name);
}
