import type { Locale } from './locales.ts';

/** Short UI labels. Japanese is the source; every key must exist in both languages. */
const ja = {
  'site.name': 'LTV道場',
  'site.tagline': '聴いて学ぶ、顧客生涯価値',
  'nav.home': 'ホーム',
  'nav.course': 'コース',
  'nav.skip': '本文へ移動',
  'lang.switch': 'English',
  'lang.switchLabel': '英語版を表示',
  'home.title': '聴いて学ぶ、LTV思考の営業',
  'home.lead':
    '通勤の電車で、訪問の合間に。耳で学び、理解度テストで確かめ、自社のお客様の顧客生涯価値（CLV）を計算する。営業チームのためのLTV学習アプリです。',
  'home.start': '最初のレッスンを始める',
  'home.how': '学び方',
  'home.step.listen': '聴く',
  'home.step.listen.text': 'どのレッスンも音声で聴けます。ハンズフリーで、移動中にも。',
  'home.step.test': '確かめる',
  'home.step.test.text': 'レッスンの最後に理解度テスト。間違えた所はレッスンの該当箇所へ戻れます。',
  'home.step.calculate': '計算する',
  'home.step.calculate.text': 'レッスンの中の計算機で、自社のお客様のCLVを計算できます。',
  'home.modules': 'モジュールとレッスン',
  'home.lessonsSoon': 'このモジュールのレッスンは準備中です。',
  'lesson.minutes': '約{n}分',
  'lesson.objectives': 'このレッスンの目標',
  'lesson.keyTerms': 'キーワード',
  'lesson.backToCourse': 'コース一覧へ戻る',
  'lesson.module': 'モジュール{n}',
  'lesson.count': '{n}レッスン',
  'lesson.toc': 'このレッスンの内容',
  'lesson.previous': '前のレッスン',
  'lesson.next': '次のレッスン',
  'lesson.markDone': 'このレッスンを完了にする',
  'lesson.done': '完了しました',
  'lesson.undo': '未完了に戻す',
  'lesson.readingProgress': '読んだ量',
  'progress.resetAll': '保存されていた学習記録が読み取れなかったため、リセットしました。',
  'progress.resetSome': '一部のレッスンの学習記録が読み取れなかったため、リセットしました。',
  'progress.dismiss': '閉じる',
  'progress.module': '{done} / {total} レッスン完了',
  'progress.continue': '続きから学ぶ',
  'progress.lessonDone': '完了',
  'footer.note': 'LTV道場 — 営業チームのための顧客生涯価値コース',
} as const;

export type UiKey = keyof typeof ja;

const en: Record<UiKey, string> = {
  'site.name': 'LTV Dojo',
  'site.tagline': 'Customer lifetime value, by ear',
  'nav.home': 'Home',
  'nav.course': 'Course',
  'nav.skip': 'Skip to content',
  'lang.switch': '日本語',
  'lang.switchLabel': 'Show this page in Japanese',
  'home.title': 'Learn LTV-minded selling by listening',
  'home.lead':
    'On the train, between visits: learn by ear, prove it with a scored test, and calculate the customer lifetime value (CLV) of your own customers. An LTV course built for sales teams.',
  'home.start': 'Start the first lesson',
  'home.how': 'How it works',
  'home.step.listen': 'Listen',
  'home.step.listen.text': 'Every lesson can be played as audio, hands-free, on the move.',
  'home.step.test': 'Check',
  'home.step.test.text': 'Each lesson ends with a scored test; every miss links back to the lesson.',
  'home.step.calculate': 'Calculate',
  'home.step.calculate.text': 'Calculators inside the lessons work out CLV for your own customers.',
  'home.modules': 'Modules and lessons',
  'home.lessonsSoon': 'Lessons for this module are coming soon.',
  'lesson.minutes': 'about {n} min',
  'lesson.objectives': 'In this lesson you will',
  'lesson.keyTerms': 'Key terms',
  'lesson.backToCourse': 'Back to the course',
  'lesson.module': 'Module {n}',
  'lesson.count': '{n} lessons',
  'lesson.toc': 'In this lesson',
  'lesson.previous': 'Previous lesson',
  'lesson.next': 'Next lesson',
  'lesson.markDone': 'Mark this lesson as done',
  'lesson.done': 'Done',
  'lesson.undo': 'Mark as not done',
  'lesson.readingProgress': 'Reading progress',
  'progress.resetAll': 'Your saved progress could not be read, so it was reset.',
  'progress.resetSome': 'Progress for some lessons could not be read, so it was reset.',
  'progress.dismiss': 'Dismiss',
  'progress.module': '{done} of {total} lessons done',
  'progress.continue': 'Continue where you left off',
  'progress.lessonDone': 'Done',
  'footer.note': 'LTV Dojo — a customer lifetime value course for sales teams',
};

export const UI: Record<Locale, Record<UiKey, string>> = { ja, en };

/** A UI string with `{name}` placeholders filled in. */
export function t(locale: Locale, key: UiKey, values: Record<string, string | number> = {}): string {
  return UI[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
