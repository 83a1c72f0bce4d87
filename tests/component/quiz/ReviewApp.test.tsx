import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/preact';
import ReviewApp from '../../../src/components/quiz/ReviewApp.tsx';
import { speakTexts } from '../../../src/components/quiz/speech.ts';
import type { ReviewModuleInfo } from '../../../src/lib/quiz/client/reviewOverview.ts';
import type { UtteranceCallbacks } from '../../../src/lib/narration/engine.ts';
import type { VoiceEngine } from '../../../src/lib/narration/browser/voiceEngine.ts';
import { $quizHistory } from '../../../src/stores/quizHistory.ts';
import { resetQuizStores } from './support.ts';

const modules: ReviewModuleInfo[] = [
  {
    id: 'clv-practice',
    title: 'CLVの計算と活用',
    lessons: [
      {
        id: 'mini',
        title: 'ミニ',
        quizHref: '/lessons/mini/quiz/',
        questionIds: ['s1', 'm1', 'tf1'],
        concepts: [
          { tag: 'c-single', label: '一つ選ぶ考え方' },
          { tag: 'c-multiple', label: '複数選ぶ考え方' },
        ],
      },
    ],
  },
];

const tick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

beforeEach(() => resetQuizStores());
afterEach(() => {
  vi.useRealTimers();
  resetQuizStores();
});

describe('ReviewApp', () => {
  it('before any test: says how to start, and sums up an untested lesson in one line with its test link', async () => {
    render(<ReviewApp locale="ja" modules={modules} />);
    await tick();
    expect(screen.getByText(/まだテストを受けていません/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: '「ミニ」の理解度' })).toBeNull();
    expect(document.querySelector('[data-lesson="mini"] .mastery__untouched')!.textContent).toBe('－ 未着手（2項目）。 テストを受ける: ミニ');
    expect(screen.getByRole('link', { name: /テストを受ける/ }).getAttribute('href')).toBe('/lessons/mini/quiz/');
  });

  it('lists the questions due today as a review link, and the mastery in words and marks', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T09:00:00.000Z'));
    $quizHistory.set({
      version: 1,
      attempts: [
        {
          lesson: 'mini',
          mode: 'test',
          seed: 1,
          completedAt: '2026-11-21T08:00:00.000Z',
          total: 1,
          max: 2,
          passed: false,
          answers: [
            { questionId: 's1', concept: 'c-single', points: 0, maxPoints: 1 },
            { questionId: 'm1', concept: 'c-multiple', points: 1, maxPoints: 1 },
          ],
        },
      ],
    });
    render(<ReviewApp locale="ja" modules={modules} />);
    await tick();
    expect(screen.getByText('今日の復習は1問です。')).toBeTruthy();
    // The visible text repeats across lessons; the link's name also says which lesson it opens.
    expect(screen.getByRole('link', { name: '1問を復習する：「ミニ」' }).getAttribute('href')).toBe('/lessons/mini/quiz/?review=s1');
    expect(screen.getByRole('list', { name: '「ミニ」の理解度' }).querySelectorAll('li')).toHaveLength(2);
    const single = document.querySelector('[data-concept="c-single"]')!;
    expect(single.getAttribute('data-level')).toBe('learning');
    expect(single.textContent).toContain('△ 学習中');
    expect(document.querySelector('[data-concept="c-multiple"]')!.textContent).toContain('直近の得点率 100%・1回答');
  });
});

describe('speakTexts', () => {
  function fakeEngine() {
    const said: string[] = [];
    let pending: UtteranceCallbacks | undefined;
    const engine = {
      speak: vi.fn((utterance: { text: string; lang: string }, callbacks: UtteranceCallbacks) => {
        said.push(`${utterance.lang}:${utterance.text}`);
        pending = callbacks;
        return { cancel: vi.fn() };
      }),
      cancel: vi.fn(),
      getVoices: () => [],
      support: () => 'ready' as const,
      onChange: () => () => {},
    } satisfies Partial<VoiceEngine>;
    return { engine: engine as unknown as VoiceEngine, said, end: () => pending?.onEnd() };
  }

  it('says the texts one after another in the given language, skipping empty ones, then reports done once', () => {
    const { engine, said, end } = fakeEngine();
    const done = vi.fn();
    speakTexts(engine, ['状況', '', '問題', 'A. 選択肢'], 'ja-JP', done);
    expect(said).toEqual(['ja-JP:状況']);
    end();
    end();
    expect(said).toEqual(['ja-JP:状況', 'ja-JP:問題', 'ja-JP:A. 選択肢']);
    expect(done).not.toHaveBeenCalled();
    end();
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('stops on request, silencing the shared engine, and reports done once', () => {
    const { engine, said } = fakeEngine();
    const done = vi.fn();
    const stop = speakTexts(engine, ['one', 'two'], 'en-US', done);
    stop();
    stop();
    expect(engine.cancel).toHaveBeenCalled();
    expect(done).toHaveBeenCalledTimes(1);
    expect(said).toEqual(['en-US:one']);
  });

  it('on the day of the test: nothing is due yet, but the missed questions can be retried now, with the schedule explained', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T09:00:00.000Z'));
    $quizHistory.set({
      version: 1,
      attempts: [
        {
          lesson: 'mini',
          mode: 'test',
          seed: 1,
          completedAt: '2026-11-21T08:00:00.000Z',
          total: 0,
          max: 2,
          passed: false,
          answers: [
            { questionId: 's1', concept: 'c-single', points: 0, maxPoints: 1 },
            { questionId: 'm1', concept: 'c-multiple', points: 0, maxPoints: 1 },
          ],
        },
      ],
    });
    render(<ReviewApp locale="ja" modules={modules} />);
    await tick();
    expect(screen.getByText('今日復習する問題はありません。')).toBeTruthy();
    const now = screen.getByRole('link', { name: '今すぐ復習（2問）：「ミニ」' });
    expect(now.textContent).toBe('今すぐ復習（2問）');
    expect(now.getAttribute('href')).toBe('/lessons/mini/quiz/?review=s1,m1');
    expect(screen.getByText(/1日後・2日後・4日後・8日後・16日後/).textContent).toContain('今すぐ正解しても次の復習日は変わりません');
  });
});
