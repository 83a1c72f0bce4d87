import { useEffect, useState } from 'preact/hooks';
import { audioInProgress, moduleAudioAnswerSchema, type ModuleAudio } from '../../../lib/authoring/audioStatus.ts';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { requestJson } from './api.ts';
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
 * change of state is announced, not every step.
 */
export default function AudioStatus({ locale, moduleId, refresh }: { locale: Locale; moduleId: string; refresh: number }) {
  const [audio, setAudio] = useState<ModuleAudio | null>(null);
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
  }, [moduleId, refresh]);
  if (!audio) return null;
  const busy = audioInProgress(audio);
  return (
    <div class="audio-status" data-testid="audio-status" data-status={audio.status}>
      <p>
        <strong>{at(locale, 'audio.label', { n: audio.number })}</strong>: {describe(locale, audio)}
      </p>
      {audio.status === 'rendering' && audio.total > 0 && <progress max={audio.total} value={audio.done} aria-label={at(locale, 'audio.progress')} />}
      <p role="status" class="visually-hidden">
        {busy ? at(locale, 'audio.busy') : describe(locale, audio)}
      </p>
    </div>
  );
}
