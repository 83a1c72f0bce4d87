/**
 * The assigned test's submission, through the offline queue, when the server refuses it: a
 * permanent refusal (400 naming an answer, 404, 409) is shown once, never sent again by itself,
 * and the answers stay on the page and on the device until the learner corrects or discards
 * them; a transient failure (5xx, 429, offline) keeps the submission queued for another try.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAttempt } from '../../../src/lib/quiz/attempt.ts';
import { learnerView, type LearnerView } from '../../../src/lib/quiz/view.ts';
import { readDraft, saveDraft } from '../../../src/components/learner/drafts.ts';
import PendingSubmissions from '../../../src/components/learner/PendingSubmissions.tsx';
import { $deliveries, $queue, flushQueue } from '../../../src/components/learner/queueStore.ts';
import { readQueue, writeQueue } from '../../../src/components/learner/submissionQueue.ts';
import TestRunner from '../../../src/components/learner/TestRunner.tsx';
import { miniBank } from '../../unit/quiz/helpers.ts';

const ASSIGNMENT = 'as-1';
const ATTEMPT = 'at-1';

function view(): LearnerView {
  const bank = miniBank();
  return learnerView(buildAttempt(bank, { seed: 5, mode: 'test', count: bank.questions.length }), 'en');
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server: the attempt is open; each submission gets the next reply in `replies`. */
function server(replies: Response[]) {
  const submissions: unknown[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith(`/attempts/${ATTEMPT}`) && (init?.method ?? 'GET') === 'GET') return json(200, { status: 'open', attempt: { attemptId: ATTEMPT, view: view() } });
    if (url.endsWith(`/attempts/${ATTEMPT}/submit`)) {
      submissions.push(JSON.parse(init?.body as string));
      return replies.shift() ?? json(503, { error: 'internal' });
    }
    return json(404, { error: 'not-found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { submissions };
}

/** A test in progress on this device, with a typed answer holding a NUL (pasted from somewhere). */
function draftWithAnswer(answer = '5000\u0000') {
  const numeric = view().questions.find((question) => question.type === 'numeric')!;
  saveDraft(localStorage, ASSIGNMENT, { attemptId: ATTEMPT, view: view(), responses: { [numeric.id]: answer } });
  return numeric;
}

async function submitAll(): Promise<void> {
  fireEvent.click(await screen.findByTestId('submit-test'));
  // Unanswered questions: the form asks once more.
  fireEvent.click(await screen.findByTestId('submit-test'));
}

beforeEach(() => {
  $queue.set([]);
  for (const key of Object.keys($deliveries.get())) $deliveries.setKey(key, undefined);
});
afterEach(() => vi.unstubAllGlobals());

describe('a submission refused for good', () => {
  it('400 naming an answer: says which question, keeps the answers, and is not sent again', async () => {
    const numeric = draftWithAnswer();
    const { submissions } = server([json(400, { error: 'invalid-body', fieldErrors: { [`responses.${numeric.id}`]: ['must not contain control characters'] } })]);
    render(<TestRunner locale="en" assignmentId={ASSIGNMENT} learnHref="/en/learn/" />);
    await submitAll();

    const status = await screen.findByTestId('delivery-status');
    await waitFor(() => expect(status.dataset.delivery).toBe('rejected'));
    expect(status.textContent).toBe(`Some answers were not accepted (question ${numeric.number}). They are still on this device: correct them and send again.`);
    // Kept on the device, marked refused, with the answers as sent.
    const [stored] = readQueue(localStorage);
    expect(stored).toMatchObject({ attemptId: ATTEMPT, failed: { status: 400, code: 'invalid-body', questionIds: [numeric.id] } });
    expect(stored!.responses[numeric.id]).toBe('5000\u0000');
    // Still visible on the page.
    expect((screen.getByLabelText('Answer', { selector: `#answer-${numeric.id}` }) as HTMLInputElement).value).toBe('5000\u0000');

    // Coming back online or a manual flush does not send it again.
    window.dispatchEvent(new Event('online'));
    await flushQueue();
    expect(submissions).toHaveLength(1);
  });

  it('lets the learner correct the answers and send again, which then goes through', async () => {
    const numeric = draftWithAnswer();
    const { submissions } = server([
      json(400, { error: 'invalid-body', fieldErrors: { [`responses.${numeric.id}`]: ['must not contain control characters'] } }),
      json(200, { review: null }),
    ]);
    render(<TestRunner locale="ja" assignmentId={ASSIGNMENT} learnHref="/learn/" />);
    await submitAll();
    fireEvent.click(await screen.findByTestId('correct-answers'));

    // Back in the form, answers as they were, the refused submission out of the queue but in the draft.
    const input = (await screen.findByLabelText(/./, { selector: `#answer-${numeric.id}` })) as HTMLInputElement;
    expect(input.disabled).toBe(false);
    expect(input.value).toBe('5000\u0000');
    expect(readQueue(localStorage)).toEqual([]);
    expect(readDraft(localStorage, ASSIGNMENT)?.responses[numeric.id]).toBe('5000\u0000');

    fireEvent.input(input, { target: { value: '5000' } });
    await submitAll();
    await waitFor(() => expect(submissions).toHaveLength(2));
    expect((submissions[1] as { responses: Record<string, unknown> }).responses[numeric.id]).toBe('5000');
  });

  it.each([
    [404, 'not-found'],
    [409, 'attempt-outdated'],
    [422, 'unprocessable'],
  ])('%i %s: answers stay visible and queued, with the trainer to tell and a new test to start', async (status, code) => {
    const numeric = draftWithAnswer('7000');
    const { submissions } = server([json(status, { error: code })]);
    render(<TestRunner locale="en" assignmentId={ASSIGNMENT} learnHref="/en/learn/" />);
    await submitAll();
    const message = await screen.findByText((text) => text.includes(code));
    expect(message.textContent).toMatch(status === 422 ? /not accepted/ : /Please tell your trainer/);
    expect(screen.getByTestId(status === 422 ? 'correct-answers' : 'start-new')).toBeTruthy();
    expect(readQueue(localStorage)[0]?.failed).toMatchObject({ status, code });
    expect((screen.getByLabelText('Answer', { selector: `#answer-${numeric.id}` }) as HTMLInputElement).value).toBe('7000');
    await flushQueue();
    expect(submissions).toHaveLength(1);
  });

  it('is listed on "my assignments" after a reload, until the learner discards it', async () => {
    writeQueue(localStorage, [
      { attemptId: ATTEMPT, assignmentId: ASSIGNMENT, clientSubmissionId: 'c-1', responses: { n1: '5' }, answeredAt: '2026-04-01T09:00:00.000Z', tries: 0, failed: { status: 404, code: 'not-found', questionIds: [] } },
    ]);
    const { submissions } = server([]);
    render(<PendingSubmissions locale="ja" />);
    const list = await screen.findByTestId('failed-submissions');
    expect(list.textContent).toContain('送信できなかった回答が1件あります。回答はこの端末に残っています。');
    expect(list.querySelector('a')?.getAttribute('href')).toBe(`/learn/test/${ASSIGNMENT}/`);
    expect(submissions).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'この回答を破棄する' }));
    await waitFor(() => expect(screen.queryByTestId('failed-submissions')).toBeNull());
    expect(readQueue(localStorage)).toEqual([]);
  });
});

describe('a transient failure', () => {
  it.each([
    [503, 'internal'],
    [429, 'rate-limited'],
  ])('%i keeps the submission queued and sends it again later', async (status, code) => {
    draftWithAnswer('5000');
    const { submissions } = server([json(status, { error: code }), json(200, { review: null })]);
    render(<TestRunner locale="en" assignmentId={ASSIGNMENT} learnHref="/en/learn/" />);
    await submitAll();
    const statusLine = await screen.findByTestId('delivery-status');
    await waitFor(() => expect(statusLine.dataset.delivery).toBe('server'));
    expect(readQueue(localStorage)).toMatchObject([{ attemptId: ATTEMPT, tries: 1 }]);
    expect(readQueue(localStorage)[0]?.failed).toBeUndefined();
    await flushQueue(); // what the backoff timer does
    expect(submissions).toHaveLength(2);
    expect(readQueue(localStorage)).toEqual([]);
  });
});
