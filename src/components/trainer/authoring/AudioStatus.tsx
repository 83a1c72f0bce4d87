import { useEffect, useRef, useState } from 'preact/hooks';
import { audioInProgress, moduleAudioAnswerSchema, type ModuleAudio } from '../../../lib/authoring/audioStatus.ts';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { problemText, requestJson } from './api.ts';
import { at } from './text.ts';

/** Asked again this often while the server renders. */
const POLL_MS = 2000;

function describe(locale: Locale, audio: ModuleAudio): string {
  switch (audio.status) {
    case 'queued':
      return at(locale, 'audio.queued');
    case 'rendering':
      return at(locale, 'audio.rendering', { done: audio.done, total: audio.total || '…' });
    case 'ready':
      return at(locale, 'audio.ready');
    case 'failed':
      return at(locale, 'audio.failed', { message: audio.message ?? '' });
    case 'unavailable':
      return at(locale, 'audio.unavailable', { packages: audio.packages.join(' ') });
  }
}

/**
 * The recorded narration of the latest version: 作成中 n/m, 完成, 失敗（理由）. Asks the server
 * on mount and after each publish (`refresh`), and every few seconds while it renders. Only a
 * change of state is announced, not every step. A failed render can be started again: the answer
 * (queued, or why not) replaces the state and the asking resumes.
 */
export default function AudioStatus({ locale, moduleId, refresh }: { locale: Locale; moduleId: string; refresh: number }) {
  const [audio, setAudio] = useState<ModuleAudio | null>(null);
  // Bumped by a retry: the effect below asks again and polls while the new render runs.
  const [retries, setRetries] = useState(0);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  // Set by a retry that took the button away: the keyboard lands on the line that says what happens now.
  const focusStatus = useRef(false);
  useEffect(() => {
    if (!focusStatus.current) return;
    focusStatus.current = false;
    statusLine.current?.focus();
  }, [audio]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const answer = await requestJson('GET', `/api/trainer/modules/${moduleId}/audio`);
      const parsed = answer.ok ? moduleAudioAnswerSchema.safeParse(answer.body) : undefined;
      if (stopped || !parsed?.success) return;
      setAudio(parsed.data.audio);
      if (audioInProgress(parsed.data.audio)) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [moduleId, refresh, retries]);

  const retry = async () => {
    if (retrying) return;
    setRetrying(true);
    setRetryError('');
    const answer = await requestJson('POST', `/api/trainer/modules/${moduleId}/audio`);
    setRetrying(false);
    // 202 (queued) and 409 (already queued, rendering or ready) both say where the audio stands.
    const parsed = moduleAudioAnswerSchema.safeParse(answer.body);
    if ((answer.ok || answer.status === 409) && parsed.success && parsed.data.audio) {
      focusStatus.current = parsed.data.audio.status !== 'failed';
      setAudio(parsed.data.audio);
      setRetries((count) => count + 1);
    } else setRetryError(at(locale, 'audio.retryFailed', { message: problemText(answer.body) }));
  };

  if (!audio) return null;
  const busy = audioInProgress(audio);
  return (
    <div class="audio-status" data-testid="audio-status" data-status={audio.status}>
      <p ref={statusLine} tabIndex={-1}>
        <strong>{at(locale, 'audio.label', { n: audio.number })}</strong>: {describe(locale, audio)}{' '}
        {audio.status === 'failed' && (
          <button type="button" class="button button--quiet" onClick={() => void retry()} aria-disabled={retrying} data-testid="audio-retry">
            {at(locale, 'audio.retry')}
          </button>
        )}
      </p>
      {audio.status === 'rendering' && audio.total > 0 && <progress max={audio.total} value={audio.done} aria-label={at(locale, 'audio.progress')} />}
      <p role="status" class="visually-hidden">
        {retryError || (busy ? at(locale, 'audio.busy') : describe(locale, audio))}
      </p>
      {retryError && <p class="field-errors">{retryError}</p>}
    </div>
  );
}
