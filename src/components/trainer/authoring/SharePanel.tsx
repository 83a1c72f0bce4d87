import { useState } from 'preact/hooks';
import type { ModuleShare } from '../../../lib/authoring/editorModule.ts';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { problemText, requestJson, type JsonAnswer } from './api.ts';
import { at } from './text.ts';

/** The owner shares the module with other trainers by email, and stops sharing. */
export default function SharePanel({ locale, moduleId, initial }: { locale: Locale; moduleId: string; initial: ModuleShare[] }) {
  const [shares, setShares] = useState(initial);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const base = `/api/trainer/modules/${moduleId}/shares`;
  const refused = (answer: JsonAnswer) =>
    answer.body.error === 'unknown-trainer' ? at(locale, 'share.unknown', { email: email.trim() }) : answer.body.error === 'self-share' ? at(locale, 'share.self') : at(locale, 'save.error', { message: problemText(answer.body) });
  const share = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await requestJson('POST', base, { email });
    setBusy(false);
    if (!answer.ok) return setMessage(refused(answer));
    const added = answer.body.share as ModuleShare;
    setShares([...shares.filter((s) => s.trainerId !== added.trainerId), added]);
    setEmail('');
    setMessage(at(locale, 'share.done', { name: added.name }));
  };
  const revoke = async (gone: ModuleShare) => {
    const answer = await requestJson('DELETE', `${base}/${gone.trainerId}`);
    // 404: already revoked (another tab); either way it is no longer shared.
    if (!answer.ok && answer.status !== 404) return setMessage(at(locale, 'save.error', { message: problemText(answer.body) }));
    setShares(shares.filter((s) => s.trainerId !== gone.trainerId));
    setMessage(at(locale, 'share.revoked', { name: gone.name }));
  };
  return (
    <section class="card" aria-labelledby="share-title" data-testid="share-panel">
      <h2 id="share-title">{at(locale, 'share.title')}</h2>
      <p class="muted">{at(locale, 'share.lead')}</p>
      {shares.length === 0 ? (
        <p class="muted">{at(locale, 'share.none')}</p>
      ) : (
        <ul class="share-list">
          {shares.map((s) => (
            <li key={s.trainerId}>
              <span>
                {s.name} <span class="muted">{s.email}</span>
              </span>
              <button type="button" class="button button--quiet" aria-label={at(locale, 'share.revokeLabel', { name: s.name })} onClick={() => void revoke(s)}>
                {at(locale, 'share.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="share-form" onSubmit={share}>
        <label for="share-email">{at(locale, 'share.email')}</label>
        <input id="share-email" type="email" autocomplete="off" required maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <button type="submit" class="button" disabled={busy}>{at(locale, 'share.submit')}</button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}
