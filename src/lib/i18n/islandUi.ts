import type { Locale } from './locales.ts';

/**
 * The labels the islands use (lesson progress, module progress, calculator notices). They live
 * apart from the site's labels (ui.ts, which includes them) so a lesson page ships these few
 * to the browser, not every label of the site in both languages.
 */
const ja = {
  'lesson.minutes': '約{n}分',
  'lesson.markDone': 'このレッスンを完了にする',
  'lesson.done': '完了しました',
  'lesson.undo': '未完了に戻す',
  'lesson.readingProgress': '読んだ量',
  'calculator.stale': '{fields}の入力を直すと、結果が更新されます。灰色の結果は、直前の正しい入力で計算したものです。',
  'calculator.staleAny': '入力を直すと、結果が更新されます。灰色の結果は、直前の正しい入力で計算したものです。',
  'progress.resetAll': '保存されていた学習記録が読み取れなかったため、リセットしました。',
  'progress.resetSome': '一部のレッスンの学習記録が読み取れなかったため、リセットしました。',
  'progress.dismiss': '閉じる',
  'progress.module': '{done} / {total} レッスン完了',
  'progress.continue': '続きから学ぶ',
  'progress.lessonDone': '完了',
  'module.finished': '「{module}」のレッスンをすべて完了しました。',
  'module.nextStep': '次は、理解度テストで身についたかを確かめるか、次のモジュールへ進みましょう。',
  'module.lastStep': 'これですべてのモジュールを学びました。理解度テストと復習で、学んだことを定着させましょう。',
  'module.test': '理解度テストで確かめる',
  'module.testName': '理解度テストで確かめる：「{module}」のレッスン',
  'module.next': '次のモジュール「{module}」へ進む',
};

const en: Record<IslandUiKey, string> = {
  'lesson.minutes': 'about {n} min',
  'lesson.markDone': 'Mark this lesson as done',
  'lesson.done': 'Done',
  'lesson.undo': 'Mark as not done',
  'lesson.readingProgress': 'Reading progress',
  'calculator.stale': 'Fix {fields} to update the result. The greyed-out result is from the last valid input.',
  'calculator.staleAny': 'Fix the input to update the result. The greyed-out result is from the last valid input.',
  'progress.resetAll': 'Your saved progress could not be read, so it was reset.',
  'progress.resetSome': 'Progress for some lessons could not be read, so it was reset.',
  'progress.dismiss': 'Dismiss',
  'progress.module': '{done} of {total} lessons done',
  'progress.continue': 'Continue where you left off',
  'progress.lessonDone': 'Done',
  'module.finished': 'You have finished every lesson of “{module}”.',
  'module.nextStep': 'Next, check what stuck with the lesson tests, or go on to the next module.',
  'module.lastStep': 'You have worked through every module. Make it stick with the lesson tests and your reviews.',
  'module.test': 'Check yourself with the tests',
  'module.testName': 'Check yourself with the tests: lessons of “{module}”',
  'module.next': 'Go on to the next module: {module}',
};

export type IslandUiKey = keyof typeof ja;

export const ISLAND_UI: Record<Locale, Record<IslandUiKey, string>> = { ja, en };

/** `template` with its `{name}` placeholders filled in (an unknown one is left as it is). */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** An island label with `{name}` placeholders filled in. */
export function t(locale: Locale, key: IslandUiKey, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(ISLAND_UI[locale][key], values);
}
