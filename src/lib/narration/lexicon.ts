import type { Locale } from '../i18n/locales.ts';

/**
 * The pronunciation lexicon: rewrites applied to the text given to the speech engine, never
 * to the text on screen. Voices guess at acronyms (「LTV」 read as a word, "CAC" as "cack")
 * and at symbols (× is skipped, ＝ read as 「イコール」 mid-sentence); here we decide instead.
 */
export interface LexiconRule {
  /** What the rule matches; always global. */
  pattern: RegExp;
  /** The replacement: a string with `$1`… for groups, or a function of the match and groups. */
  spoken: string | ((match: string, ...groups: string[]) => string);
}

/** Japanese names of the Latin letters, for acronyms spelled out letter by letter. */
const JA_LETTERS: Record<string, string> = {
  A: 'エー', B: 'ビー', C: 'シー', D: 'ディー', E: 'イー', F: 'エフ', G: 'ジー', H: 'エイチ',
  I: 'アイ', J: 'ジェー', K: 'ケー', L: 'エル', M: 'エム', N: 'エヌ', O: 'オー', P: 'ピー',
  Q: 'キュー', R: 'アール', S: 'エス', T: 'ティー', U: 'ユー', V: 'ブイ', W: 'ダブリュー',
  X: 'エックス', Y: 'ワイ', Z: 'ゼット', '2': 'トゥー',
};

/** Acronyms of the course that are spelled out; only these, so other capitals are left alone. */
const SPELLED_ACRONYMS = ['LTV', 'CLV', 'CAC', 'KPI', 'CS', 'VOC', 'CRM', 'ROI', 'NPS', 'ID', 'B2B', 'B2C'];

/**
 * Acronyms that are words: LINE (the messaging app) is 「ライン」, SaaS is 「サース」, and POS is
 * 「ポス」 in Japanese shops (ポスレジ), not 「ピーオーエス」.
 */
const JA_WORDS: Record<string, string> = { LINE: 'ライン', SaaS: 'サース', POS: 'ポス' };
const EN_WORDS: Record<string, string> = { LINE: 'Line', SaaS: 'sass' };

/**
 * A whole word only: not inside a longer run of letters or digits (「LTV型」 matches, "LTVX"
 * does not). In English a plural or possessive `s` may follow ("KPIs", "CLV's"): group 1.
 */
function wholeWord(word: string, allowPlural: boolean): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${word}${allowPlural ? "('?s)?" : ''}(?![A-Za-z0-9])`, 'g');
}

/**
 * "K P I" then "'s": written "K P Is", the voice would say "is"; with the apostrophe it says
 * the letter's plural ("eyes"). Possessives keep their apostrophe the same way.
 */
const withPlural = (reading: string) => (_match: string, plural: string | undefined) => (plural ? `${reading}'s` : reading);

const spellJa = (word: string) => [...word].map((letter) => JA_LETTERS[letter] ?? letter).join('');
const spellEn = (word: string) => [...word].map((letter) => (letter === '2' ? 'to' : letter)).join(' ');

/** Money in yen written with a sign: `¥5,000`, `￥1.2万`. */
const YEN = /[¥￥]\s?([0-9][0-9,]*(?:\.[0-9]+)?)(\s?(?:万|億|million|billion))?/g;

export const LEXICON: Record<Locale, readonly LexiconRule[]> = {
  ja: [
    { pattern: YEN, spoken: '$1$2円' },
    ...Object.entries(JA_WORDS).map(([word, reading]) => ({ pattern: wholeWord(word, false), spoken: reading })),
    ...SPELLED_ACRONYMS.map((word) => ({ pattern: wholeWord(word, false), spoken: spellJa(word) })),
    { pattern: /\s*[×✕]\s*/g, spoken: 'かける' },
    { pattern: /\s*÷\s*/g, spoken: 'わる' },
    { pattern: /\s*[=＝]\s*/g, spoken: 'は' },
    { pattern: /±|＋－|\+-/g, spoken: 'プラスマイナス' },
    { pattern: /[%％]/g, spoken: 'パーセント' },
    // 「3〜5年」: a wave dash between numbers is a range.
    { pattern: /(?<=[0-9０-９])\s*[〜～~]\s*(?=[0-9０-９])/g, spoken: 'から' },
    // The dash in titles (「CLVの基本式 ― 単価・回数・年数」) is a pause, not a word.
    { pattern: /\s*[―—]+\s*/g, spoken: '、' },
  ],
  en: [
    { pattern: YEN, spoken: '$1$2 yen' },
    ...Object.entries(EN_WORDS).map(([word, reading]) => ({ pattern: wholeWord(word, true), spoken: withPlural(reading) })),
    ...SPELLED_ACRONYMS.map((word) => ({ pattern: wholeWord(word, true), spoken: withPlural(spellEn(word)) })),
    { pattern: /\s*[×✕]\s*/g, spoken: ' times ' },
    { pattern: /\s*÷\s*/g, spoken: ' divided by ' },
    { pattern: /\s+=\s+/g, spoken: ' equals ' },
    { pattern: /±/g, spoken: 'plus or minus ' },
    { pattern: /(?<=[0-9])\s*[~–]\s*(?=[0-9])/g, spoken: ' to ' },
    // An em dash is a pause; some voices say "dash".
    { pattern: /\s*—\s*/g, spoken: ', ' },
  ],
};

/** The text to give the speech engine for `display` in `locale`. */
export function toSpoken(display: string, locale: Locale): string {
  let spoken = display;
  for (const rule of LEXICON[locale]) {
    // Two calls: `replace` is overloaded for a string or a function, not for their union.
    spoken = typeof rule.spoken === 'string' ? spoken.replace(rule.pattern, rule.spoken) : spoken.replace(rule.pattern, rule.spoken);
  }
  return spoken.replace(/\s{2,}/g, ' ').trim();
}
