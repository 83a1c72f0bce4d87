import type { Locale } from '../../../lib/i18n/locales.ts';
import type { SleepChoice } from '../../../lib/narration/browser/sleepTimer.ts';

/** Listen mode's words (the controls it shares with the lesson player come from PLAYER_TEXT). */
const ja = {
  region: 'モジュールの音声プレーヤー',
  playModule: '{module}を聴く',
  lessonOf: 'レッスン{n} / {total}',
  previousLesson: '前のレッスン',
  nextLesson: '次のレッスン',
  more: 'その他の設定',
  sleep: 'おやすみタイマー',
  sleepLeft: 'あと{n}分で停止',
  sleepAtEnd: 'このレッスンの終わりで停止',
  close: '停止して閉じる',
  nextUp: '次のレッスンへ…',
  moduleEnded: 'モジュールを最後まで聴きました。',
  sleepChoices: {
    off: 'オフ',
    15: '15分',
    30: '30分',
    45: '45分',
    60: '60分',
    'end-of-lesson': 'このレッスンの終わり',
  } as Record<SleepChoice, string>,
};

export type ListenText = typeof ja;

const en: ListenText = {
  region: 'Module audio player',
  playModule: 'Listen: {module}',
  lessonOf: 'Lesson {n} of {total}',
  previousLesson: 'Previous lesson',
  nextLesson: 'Next lesson',
  more: 'More settings',
  sleep: 'Sleep timer',
  sleepLeft: 'Stops in {n} min',
  sleepAtEnd: 'Stops at the end of this lesson',
  close: 'Stop and close',
  nextUp: 'Next lesson…',
  moduleEnded: 'You listened to the whole module.',
  sleepChoices: {
    off: 'Off',
    15: '15 min',
    30: '30 min',
    45: '45 min',
    60: '60 min',
    'end-of-lesson': 'End of this lesson',
  },
};

export const LISTEN_TEXT: Record<Locale, ListenText> = { ja, en };
