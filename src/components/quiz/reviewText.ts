/** Text of Today's review. Japanese is the source; every key exists in both languages. */
import type { Locale } from '../../lib/i18n/locales.ts';
import type { MasteryLevel } from '../../lib/quiz/mastery.ts';

const ja = {
  'due.heading': '今日解き直す問題',
  'due.total': '今日の復習は{n}問です。',
  'due.none': '今日復習する問題はありません。',
  'due.noHistory': 'まだテストを受けていません。レッスンの最後にある理解度テストから始めましょう。',
  'due.start': '{n}問を復習する',
  'due.later': 'ほかに{n}問が、{date}ごろから戻ってきます。',
  'due.laterOnly': '次の復習：{n}問が{date}ごろから戻ってきます。',
  'due.early': '今すぐ復習（{n}問）',
  'due.earlyHeading': '前倒しで解き直す',
  'due.schedule':
    '間違えた問題は、1日後・2日後・4日後・8日後・16日後と、間隔をあけて戻ってきます。間をおいて思い出すほうが記憶に残りますが、今すぐ解き直すこともできます。今すぐ正解しても次の復習日は変わりません。もう一度間違えた問題は、翌日にまた戻ってきます。',
  'due.linkName': '{action}：「{title}」',
  'mastery.heading': '理解度マップ',
  'mastery.lead': '各レッスンの考え方（コンセプト）ごとに、直近の回答から理解度を示します。',
  'mastery.legend': '記号の意味',
  'mastery.lesson': '「{title}」の理解度',
  'mastery.detail': '直近の得点率 {share}・{n}回答',
  'mastery.noAnswers': 'まだ回答していません',
  'mastery.take': 'テストを受ける',
  'mastery.untouched': '未着手（{n}項目）。',
  'mastery.empty': 'テストのあるレッスンはまだありません。',
} as const;

export type ReviewTextKey = keyof typeof ja;

const en: Record<ReviewTextKey, string> = {
  'due.heading': 'Questions to retry today',
  'due.total': '{n} question(s) to review today.',
  'due.none': 'Nothing to review today.',
  'due.noHistory': 'You have not taken a test yet. Start with the test at the end of a lesson.',
  'due.start': 'Review {n} question(s)',
  'due.later': '{n} more come back from about {date}.',
  'due.laterOnly': 'Next review: {n} question(s) come back from about {date}.',
  'due.early': 'Review now ({n})',
  'due.earlyHeading': 'Retry ahead of schedule',
  'due.schedule':
    'Questions you miss come back after 1, 2, 4, 8 and 16 days. Recalling them after a gap is what makes them stick, but you can retry them right now too: a right answer now does not change the next review date, and a question you miss again comes back tomorrow.',
  'due.linkName': '{action}: {title}',
  'mastery.heading': 'Mastery map',
  'mastery.lead': 'For each idea (concept) of each lesson, how well your recent answers show you know it.',
  'mastery.legend': 'Key',
  'mastery.lesson': 'Mastery in "{title}"',
  'mastery.detail': 'recent score {share} · {n} answer(s)',
  'mastery.noAnswers': 'not answered yet',
  'mastery.take': 'Take the test',
  'mastery.untouched': 'Not started ({n} concepts).',
  'mastery.empty': 'No lesson has a test yet.',
};

const TEXT: Record<Locale, Record<ReviewTextKey, string>> = { ja, en };

export function rt(locale: Locale, key: ReviewTextKey, values: Record<string, string | number> = {}): string {
  return TEXT[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Mastery levels as words and marks, in order: never colour alone. */
export const LEVELS: Record<Locale, Record<MasteryLevel, string>> = {
  ja: { 'not-started': '未着手', learning: '学習中', familiar: 'もう少し', mastered: '定着' },
  en: { 'not-started': 'Not started', learning: 'Learning', familiar: 'Almost there', mastered: 'Mastered' },
};
export const LEVEL_MARKS: Record<MasteryLevel, string> = { 'not-started': '－', learning: '△', familiar: '○', mastered: '◎' };
export const LEVEL_ORDER: readonly MasteryLevel[] = ['not-started', 'learning', 'familiar', 'mastered'];
