import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { sendJson } from './http.ts';
import { failureMessage } from './messages.ts';
import { tt } from './text.ts';

interface Props {
  locale: Locale;
  cohortId: string;
  /** The site's origin as the server saw the request (the link is shown before hydration too). */
  origin: string;
  invitePath: string;
}

/** The invite link with copy, and rotation behind a confirmation (the old link stops working). */
export default function InviteLink({ locale, cohortId, origin, invitePath }: Props) {
  const [path, setPath] = useState(invitePath);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const link = `${origin}${locale === 'en' ? '/en' : ''}${path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(tt(locale, 'invite.copied'));
    } catch {
      setStatus(tt(locale, 'invite.copyFailed'));
    }
  };
  const rotate = async () => {
    const result = await sendJson<{ invitePath: string }>('POST', `/api/trainer/cohorts/${cohortId}/invite`, {});
    setConfirming(false);
    if (result.kind === 'ok') {
      setPath(result.body.invitePath);
      setStatus(tt(locale, 'invite.rotated'));
    } else setStatus(failureMessage(locale, result));
  };
  return (
    <div class="invite" data-testid="invite">
      <label class="invite__label" for="invite-link">
        {tt(locale, 'invite.label')}
      </label>
      <input id="invite-link" class="invite__link" type="text" readOnly value={link} onFocus={(event) => (event.target as HTMLInputElement).select()} data-testid="invite-link" />
      <div class="invite__actions">
        <button type="button" class="button" onClick={copy}>
          {tt(locale, 'invite.copy')}
        </button>
        {confirming ? (
          <span class="invite__confirm" role="group" aria-label={tt(locale, 'invite.rotateConfirm')}>
            <span>{tt(locale, 'invite.rotateConfirm')}</span>
            <button type="button" class="button" onClick={rotate} data-testid="rotate-yes">
              {tt(locale, 'invite.rotateYes')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirming(false)}>
              {tt(locale, 'invite.rotateNo')}
            </button>
          </span>
        ) : (
          <button type="button" class="button button--quiet" onClick={() => setConfirming(true)} data-testid="rotate">
            {tt(locale, 'invite.rotate')}
          </button>
        )}
      </div>
      <p class="invite__status" role="status">
        {status}
      </p>
    </div>
  );
}
