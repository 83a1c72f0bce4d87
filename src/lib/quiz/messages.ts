/**
 * The quiz's own UI text: instructions (including how partial credit works, so the learner
 * knows the rule before answering) and the words used in feedback. Japanese is the source.
 */
import type { Locale } from '../i18n/locales.ts';

const ja = {
  'instructions.single': '正しいものを一つ選んでください。',
  'instructions.scenario': 'LTVの視点で、最もよい対応を一つ選んでください。',
  'instructions.multiple':
    '当てはまるものをすべて選んでください。部分点があります：（選んだ正解の数 − 選んだ誤りの数）÷ 正解の数。0点より下にはなりません。',
  'instructions.true-false': '正しいか、誤りかを選んでください。',
  'instructions.numeric': '数字で答えてください（単位：{unit}）。全角の数字やカンマ、単位が付いていても読み取ります。',
  'instructions.ordering':
    '正しい順に並べ替えてください。部分点があります：順序が合っている組の数から逆になっている組の数を引き、すべての組の数で割ります。0点より下にはなりません。',
  'tolerance.absolute': '正解との差が{n}以内なら正解です。',
  'tolerance.relative': '正解との差が{n}以内なら正解です。',
  'answer.true': '正しい',
  'answer.false': '誤り',
  'answer.none': '（未回答）',
  'answer.notANumber': '「{text}」（数字として読めません）',
  'answer.separator': '、',
  'answer.then': ' → ',
} as const;

type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  'instructions.single': 'Choose the one right answer.',
  'instructions.scenario': 'Choose the best action from an LTV point of view.',
  'instructions.multiple':
    'Select all that apply. Partial credit: (right choices selected − wrong choices selected) ÷ number of right choices, never below 0.',
  'instructions.true-false': 'Is the statement true or false?',
  'instructions.numeric': 'Answer with a number (unit: {unit}). Commas, full-width digits and the unit are fine.',
  'instructions.ordering':
    'Put the steps in the right order. Partial credit: pairs in the right order minus pairs in the wrong order, divided by all pairs, never below 0.',
  'tolerance.absolute': 'Answers within {n} of the right value count.',
  'tolerance.relative': 'Answers within {n} of the right value count.',
  'answer.true': 'True',
  'answer.false': 'False',
  'answer.none': '(no answer)',
  'answer.notANumber': '"{text}" (not a number)',
  'answer.separator': '; ',
  'answer.then': ' → ',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { ja, en };

/** A message with `{name}` variables filled in. */
export function message(locale: Locale, key: MessageKey, vars: Readonly<Record<string, string>> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
