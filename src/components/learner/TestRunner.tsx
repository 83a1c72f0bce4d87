import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { LearnerView } from '../../lib/quiz/view.ts';
import type { AttemptReview } from '../../server/learner/attempts.ts';
import { sendJson } from '../trainer/http.ts';
import { dropDraft, newSubmissionId, readDraft, saveDraft } from './drafts.ts';
import { $deliveries, queueStorage, queueSubmission, releaseFailed, startQueueWorker } from './queueStore.ts';
import { failedSubmissions, readQueue } from './submissionQueue.ts';
import TestForm from './TestForm.tsx';
import TestReview from './TestReview.tsx';
import { lt } from './text.ts';

interface Props {
  locale: Locale;
  assignmentId: string;
  learnHref: string;
}

type State =
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'answering'; attemptId: string; view: LearnerView; responses: Record<string, unknown> }
  | { kind: 'sent'; attemptId: string; view: LearnerView; responses: Record<string, unknown> }
  | { kind: 'done'; review: AttemptReview };

type AttemptState = { status: 'open'; attempt: { attemptId: string; view: LearnerView } } | { status: 'submitted'; review: AttemptReview };

/**
 * An assigned test: resumes the attempt in progress (from this device's draft, even offline) or
 * starts one on the server, keeps every answer in localStorage, and submits through the offline
 * queue. The review (explanations) arrives only from the server after submission.
 */
export default function TestRunner({ locale, assignmentId, learnHref }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const deliveries = useStore($deliveries);
  const started = useRef(false);

  const start = async (): Promise<void> => {
    const created = await sendJson<{ attemptId: string; view: LearnerView }>('POST', '/api/learner/attempts', { assignmentId, locale });
    if (created.kind !== 'ok') return setState({ kind: 'load-error' });
    saveDraft(queueStorage(), assignmentId, { attemptId: created.body.attemptId, view: created.body.view, responses: {} });
    setState({ kind: 'answering', attemptId: created.body.attemptId, view: created.body.view, responses: {} });
  };

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startQueueWorker();
    void (async () => {
      const draft = readDraft(queueStorage(), assignmentId);
      const refused = failedSubmissions(readQueue(queueStorage())).find((item) => item.assignmentId === assignmentId);
      if (refused && refused.attemptId !== draft?.attemptId) {
        // Refused answers whose draft is gone: show them with the attempt's questions if it is still open.
        const known = await sendJson<AttemptState>('GET', `/api/learner/attempts/${refused.attemptId}`);
        if (known.kind === 'ok' && known.body.status === 'open') {
          return setState({ kind: 'sent', attemptId: refused.attemptId, view: known.body.attempt.view, responses: refused.responses });
        }
      }
      if (!draft) return start();
      // Submitted on this device but not delivered yet (offline, or the tab was closed): wait for it.
      if (readQueue(queueStorage()).some((item) => item.attemptId === draft.attemptId)) return setState({ kind: 'sent', ...draft });
      const known = await sendJson<AttemptState>('GET', `/api/learner/attempts/${draft.attemptId}`);
      if (known.kind === 'network') return setState({ kind: 'answering', ...draft });
      if (known.kind === 'error') {
        dropDraft(queueStorage(), assignmentId);
        return start();
      }
      if (known.body.status === 'submitted') {
        dropDraft(queueStorage(), assignmentId);
        return setState({ kind: 'done', review: known.body.review });
      }
      setState({ kind: 'answering', attemptId: draft.attemptId, view: known.body.attempt.view, responses: draft.responses });
    })();
  }, []);

  // A queued submission has gone through: show the review (fetch it when the reply had none).
  const delivery = state.kind === 'sent' ? deliveries[state.attemptId] : undefined;
  useEffect(() => {
    if (state.kind !== 'sent' || delivery?.kind !== 'sent') return;
    dropDraft(queueStorage(), assignmentId);
    const body = delivery.body as { review?: AttemptReview } | null;
    if (body?.review) return setState({ kind: 'done', review: body.review });
    void sendJson<AttemptState>('GET', `/api/learner/attempts/${state.attemptId}`).then((known) => {
      if (known.kind === 'ok' && known.body.status === 'submitted') setState({ kind: 'done', review: known.body.review });
    });
  }, [state.kind, delivery]);

  if (state.kind === 'loading') return <p role="status">{lt(locale, 'test.loading')}</p>;
  if (state.kind === 'load-error') return <p class="notice" role="alert">{lt(locale, 'test.loadError')}</p>;
  if (state.kind === 'done') return <TestReview locale={locale} review={state.review} learnHref={learnHref} />;

  const change = (responses: Record<string, unknown>) => {
    if (state.kind !== 'answering') return;
    saveDraft(queueStorage(), assignmentId, { attemptId: state.attemptId, view: state.view, responses });
    setState({ ...state, responses });
  };
  const submit = (sent: Record<string, unknown>) => {
    if (state.kind !== 'answering') return;
    queueSubmission({ attemptId: state.attemptId, assignmentId, clientSubmissionId: newSubmissionId(), responses: sent, answeredAt: new Date().toISOString(), tries: 0 });
    setState({ ...state, kind: 'sent' });
  };
  /** Refused answers back into the form (kept as the draft first, so a closed tab loses nothing). */
  const correct = () => {
    if (state.kind !== 'sent') return;
    saveDraft(queueStorage(), assignmentId, { attemptId: state.attemptId, view: state.view, responses: state.responses });
    releaseFailed(state.attemptId);
    setState({ ...state, kind: 'answering' });
  };
  /** The learner's choice once the attempt cannot take the answers any more. */
  const restart = () => {
    if (state.kind !== 'sent') return;
    releaseFailed(state.attemptId);
    dropDraft(queueStorage(), assignmentId);
    setState({ kind: 'loading' });
    void start();
  };
  return (
    <TestForm
      locale={locale}
      view={state.view}
      responses={state.responses}
      locked={state.kind === 'sent'}
      delivery={delivery}
      onChange={change}
      onSubmit={submit}
      onCorrect={correct}
      onRestart={restart}
    />
  );
}
