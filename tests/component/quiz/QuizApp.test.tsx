import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import QuizApp from '../../../src/components/quiz/QuizApp.tsx';
import { attemptOf } from '../../../src/lib/quiz/attempt.ts';
import { answerKey } from '../../../src/lib/quiz/key.ts';
import { decodeSessions } from '../../../src/lib/quiz/client/session.ts';
import { unansweredCount } from '../../../src/lib/quiz/client/answers.ts';
import { $quizSessions, answerQuestion, setQuizApi, sessionKey } from '../../../src/stores/quiz.ts';
import { $quizHistory } from '../../../src/stores/quizHistory.ts';
import { $progress } from '../../../src/stores/progress.ts';
import { miniBank, perfectResponses, resetQuizStores, serverApi } from './support.ts';

const props = { lesson: 'mini', locale: 'ja' as const, lessonHref: '/lessons/mini/', reviewHref: '/review/', bankSize: 8, testCount: 5, passMark: 0.8 };
const KEY = sessionKey('ja', 'mini');

beforeEach(() => resetQuizStores());
afterEach(() => {
  cleanup();
  resetQuizStores();
});

/** Store changes re-render on the next tick (nanostores notifies Preact asynchronously). */
const tick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
async function press(key: string, target: Element = document.body) {
  fireEvent.keyDown(target, { key });
  await tick();
}
async function click(element: Element) {
  fireEvent.click(element);
  await tick();
}
const progress = () => screen.getByTestId('quiz-progress').textContent;
const current = () => document.querySelector<HTMLElement>('.quiz-question')!;

/** Answers the question on screen the way a learner would: a digit key, or typing. */
async function answerOnScreen() {
  const type = current().dataset['type'];
  if (type === 'numeric' || type === 'calculated') fireEvent.input(screen.getByLabelText('答え'), { target: { value: '１２，０００円' } });
  else if (type === 'ordering') await click(document.querySelector('.quiz-order__item:nth-child(2) button[data-direction="up"]')!);
  else fireEvent.keyDown(document.body, { key: '1' });
  await tick();
}

async function start(mode: 'test' | 'practice' = 'test') {
  render(<QuizApp {...props} />);
  if (mode === 'practice') await click(screen.getByLabelText(/練習/));
  await click(screen.getByTestId('quiz-start-button'));
  await screen.findByTestId('quiz-runner');
}

describe('QuizApp', () => {
  it('takes a test with the keyboard: 1–9 choose, Enter moves on with the focus on the next heading, then the score', async () => {
    const api = serverApi();
    setQuizApi(api);
    await start('test');
    expect(progress()).toBe('問題 1 / 5');
    expect(screen.getByText(/1〜9で選択/)).toBeTruthy();
    for (let n = 1; n <= 5; n++) {
      expect(progress()).toBe(`問題 ${n} / 5`);
      await answerOnScreen();
      await press('Enter');
      if (n < 5) await waitFor(() => expect(document.activeElement?.id).toBe(`heading-${current().dataset['question']}`));
    }
    await screen.findByTestId('quiz-results');
    expect(screen.getByTestId('quiz-score').textContent).toMatch(/^[\d.]+ \/ 5点（\d+%）$/);
    const graded = api.requests.find((request) => request.action === 'grade')!.body as { responses: Record<string, unknown>; attemptId: string };
    expect(Object.keys(graded.responses)).toHaveLength(5);
    // The attempt is named by the id the server handed out, and nothing else: no seed, lesson or count.
    expect(Object.keys(graded).sort()).toEqual(['attemptId', 'responses']);
    expect(graded.attemptId).toBe($quizSessions.get().sessions[KEY]!.attemptId);
    expect(api.store.rows.get(graded.attemptId)!.seed).toBe(11);
    expect(document.activeElement?.id).toBe('quiz-results-heading');
    expect($quizHistory.get().attempts).toHaveLength(1);
  });

  it('asks before submitting unanswered questions, then offers to retake only the missed ones', async () => {
    const api = serverApi();
    setQuizApi(api);
    await start('test');
    for (let n = 1; n < 5; n++) await click(screen.getByTestId('quiz-primary'));
    await click(screen.getByTestId('quiz-primary'));
    const confirm = screen.getByRole('button', { name: 'このまま採点する' });
    // An ordering question always has an answer: the order on screen.
    const blank = $quizSessions.get().sessions[KEY]!.view.questions.filter((question) => question.type !== 'ordering').length;
    expect(screen.getByText(`未回答が${blank}問あります。このまま採点しますか？`)).toBeTruthy();
    expect(document.activeElement).toBe(confirm);
    await click(confirm);
    await screen.findByTestId('quiz-results');
    expect(screen.getByTestId('quiz-verdict').textContent).toContain('もう一歩');
    expect(screen.getAllByText('未回答').length).toBe(blank);
    // Skipped questions come back without their key: no right answer, no explanation.
    expect(screen.getAllByText(/答えなかった問題の正解と解説は表示しません/).length).toBe(blank);
    expect(document.querySelectorAll('.quiz-feedback--unanswered .quiz-feedback__answers')).toHaveLength(0);
    const missed = document.querySelectorAll('.quiz-feedback:not(.quiz-feedback--correct)').length;
    await click(screen.getByRole('button', { name: `間違えた問題だけ解き直す（${missed}問）` }));
    await screen.findByTestId('quiz-runner');
    const retake = api.requests.filter((request) => request.action === 'attempt')[1]!.body as { questionIds: string[]; mode: string };
    expect(retake.mode).toBe('test');
    expect(retake.questionIds).toHaveLength(missed);
    expect(progress()).toBe(`問題 1 / ${missed}`);
  });

  it('practice: Enter checks the answer and shows its feedback, then Enter moves on', async () => {
    await start('practice');
    await press('Enter');
    expect(screen.getByText('答えを選んでから答え合わせをしてください。')).toBeTruthy();
    await answerOnScreen();
    await press('Enter');
    const feedback = await screen.findByTestId('feedback');
    expect(feedback.textContent).toMatch(/正解|不正解|部分正解/);
    expect(feedback.textContent).toContain('解説');
    expect(screen.getByRole('link', { name: /^レッスンの該当箇所を読む：「.+」$/ }).getAttribute('href')).toMatch(/^\/lessons\/mini\/#ja-/);
    expect(screen.getByTestId('quiz-primary').textContent).toBe('次の問題');
    // The inputs are locked now; the focus waits on "Next".
    expect(document.activeElement).toBe(screen.getByTestId('quiz-primary'));
    await press('Enter');
    await waitFor(() => expect(progress()).toBe('問題 2 / 5'));
    expect(screen.queryByTestId('feedback')).toBeNull();
  });

  it('keeps up with keys pressed faster than the screen renders (1 then Enter at once)', async () => {
    const api = serverApi();
    setQuizApi(api);
    history.replaceState(null, '', '/lessons/mini/quiz/?review=s1,sc1');
    render(<QuizApp {...props} />);
    await click(await screen.findByTestId('quiz-start-button'));
    await screen.findByTestId('quiz-runner');
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await screen.findByTestId('feedback');
    expect(api.requests.find((request) => request.action === 'check')!.body).toMatchObject({ response: 0 });
  });

  it('keeps the attempt in progress across a reload: questions, answers and position', async () => {
    await start('test');
    await answerOnScreen();
    await click(screen.getByTestId('quiz-primary'));
    const before = $quizSessions.get().sessions[KEY]!;
    const stored = decodeSessions(localStorage.getItem('ltv-dojo:quiz-sessions'));
    expect(stored.sessions.sessions[KEY]).toEqual(before);
    cleanup();
    render(<QuizApp {...props} />);
    await screen.findByTestId('quiz-runner');
    expect(progress()).toBe('問題 2 / 5');
    expect(current().dataset['question']).toBe(before.view.questions[1]!.id);
    expect(screen.getByText(`回答済み ${5 - unansweredCount(before.view.questions, before.responses)} / 5`)).toBeTruthy();
    expect(Object.keys(before.responses)).toHaveLength(1);
  });

  it('passing the full test marks the lesson done and lists the attempt', async () => {
    const api = serverApi();
    setQuizApi(api);
    await start('test');
    const session = $quizSessions.get().sessions[KEY]!;
    const row = api.store.rows.get(session.attemptId)!;
    const key = answerKey(attemptOf(miniBank(), row)!);
    for (const [id, response] of Object.entries(perfectResponses(key))) answerQuestion(KEY, id, response as never);
    await tick();
    await click(screen.getByRole('button', { name: '問5（回答済み）' }));
    await click(screen.getByTestId('quiz-primary'));
    await screen.findByTestId('quiz-results');
    expect(screen.getByTestId('quiz-score').textContent).toBe('5 / 5点（100%）');
    expect(screen.getByText('このレッスンを完了にしました。')).toBeTruthy();
    expect($progress.get().lessons['mini']?.done).toBe(true);
    expect(screen.getByText('全問正解です。')).toBeTruthy();
    expect(screen.queryByTestId('retake-missed')).toBeNull();
    const rows = screen.getByTestId('quiz-history').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('✓ 合格');
    // A table that may scroll sideways is a named region a keyboard can reach (axe: scrollable-region-focusable).
    const scroller = screen.getByRole('region', { name: 'これまでの記録の表' });
    expect(scroller.classList.contains('table-scroll')).toBe(true);
    expect(scroller.tabIndex).toBe(0);
  });

  it("starts the review it was opened for (Today's review link) and clears the link", async () => {
    const api = serverApi();
    setQuizApi(api);
    history.replaceState(null, '', '/lessons/mini/quiz/?review=s1,m1');
    render(<QuizApp {...props} />);
    await screen.findByText('前に間違えた2問を、練習形式で解き直します。');
    await click(screen.getByTestId('quiz-start-button'));
    await screen.findByTestId('quiz-runner');
    expect(api.requests[0]!.body).toMatchObject({ mode: 'practice', questionIds: ['s1', 'm1'] });
    expect(window.location.search).toBe('');
    expect(progress()).toBe('問題 1 / 2');
  });

  it('says when the server cannot be reached, keeps the answers, and sends again on request', async () => {
    const api = serverApi();
    let offline = true;
    setQuizApi({ ...api, grade: (body) => (offline ? Promise.resolve({ ok: false, error: { kind: 'offline' } }) : api.grade(body)) });
    await start('test');
    for (let n = 1; n < 5; n++) await click(screen.getByTestId('quiz-primary'));
    await click(screen.getByTestId('quiz-primary'));
    await click(screen.getByRole('button', { name: 'このまま採点する' }));
    expect((await screen.findByRole('alert')).textContent).toContain('接続できませんでした');
    offline = false;
    await click(screen.getByRole('button', { name: 'もう一度送る' }));
    await screen.findByTestId('quiz-results');
  });

  it.each([
    { mode: 'test' as const, count: 5 },
    { mode: 'practice' as const, count: 5 },
  ])('starting a $mode without a connection: says so where the focus goes, claims no saved answers, and retries the same start', async ({ mode, count }) => {
    const api = serverApi();
    let offline = true;
    setQuizApi({ ...api, startAttempt: (body) => (offline ? Promise.resolve({ ok: false, error: { kind: 'offline' } }) : api.startAttempt(body)) });
    render(<QuizApp {...props} />);
    if (mode === 'practice') await click(screen.getByLabelText(/練習/));
    await click(screen.getByTestId('quiz-start-button'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('テストを始められませんでした');
    expect(alert.textContent).toContain('「もう一度試す」を押してください');
    expect(alert.textContent).not.toContain('保存されています');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    // Failing again mounts a fresh message, so it is announced and focused again.
    await click(screen.getByRole('button', { name: 'もう一度試す' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    expect(screen.getByRole('alert')).not.toBe(alert);
    offline = false;
    await click(screen.getByRole('button', { name: 'もう一度試す' }));
    await screen.findByTestId('quiz-runner');
    expect(progress()).toBe(`問題 1 / ${count}`);
    expect(api.requests.filter((request) => request.action === 'attempt').map((request) => (request.body as { mode: string }).mode)).toEqual([mode]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the attempt is no longer on the server, and offers to start anew', async () => {
    const api = serverApi();
    setQuizApi({ ...api, grade: () => Promise.resolve({ ok: false, error: { kind: 'expired' } }) });
    await start('test');
    for (let n = 1; n < 5; n++) await click(screen.getByTestId('quiz-primary'));
    await click(screen.getByTestId('quiz-primary'));
    await click(screen.getByRole('button', { name: 'このまま採点する' }));
    expect((await screen.findByRole('alert')).textContent).toContain('サーバーに残っていません');
    expect(screen.queryByRole('button', { name: 'もう一度送る' })).toBeNull();
    const alert = screen.getByRole('alert');
    await click(alert.querySelector('button')!);
    await screen.findByTestId('quiz-start');
  });

  it('a quiz stored by the previous version (named by its seed) is dropped with a notice: the page starts fresh', async () => {
    const old = { version: 1, sessions: { [KEY]: { attemptId: '11', lesson: 'mini', locale: 'ja', mode: 'test', count: 5, view: {}, responses: {}, current: 0, checked: {}, startedAt: '2026-01-01T00:00:00.000Z' } } };
    render(<QuizApp {...props} />);
    await screen.findByTestId('quiz-start');
    // Another tab (or the old page) wrote it: the store reads it back as a browser would.
    await act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: 'ltv-dojo:quiz-sessions', newValue: JSON.stringify(old) }));
    });
    await tick();
    expect(screen.getByText(/途中だったテストは続けられなくなりました/)).toBeTruthy();
    expect(screen.getByTestId('quiz-start')).toBeTruthy();
    expect($quizSessions.get().sessions).toEqual({});
  });

  it('hides Read aloud where the browser cannot speak', async () => {
    await start('test');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('read-aloud')).toBeNull();
  });
});
