import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { formValues, sendJson } from '../trainer/http.ts';
import TextField from '../trainer/TextField.tsx';
import { learnPath, lt } from './text.ts';

/** The resume code from joining: signs this device in as that learner. */
export default function ResumeForm({ locale }: { locale: Locale }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const sent = await sendJson('POST', '/api/auth/resume', { code: formValues(event).code ?? '' });
    if (sent.kind === 'ok') {
      window.location.assign(learnPath(locale));
      return;
    }
    setBusy(false);
    if (sent.kind === 'network') setMessage(lt(locale, 'error.network'));
    else if (sent.code === 'rate-limited') setMessage(lt(locale, 'error.rateLimited'));
    else setMessage(lt(locale, 'resume.invalid'));
  };
  return (
    <form method="post" class="trainer-form card" onSubmit={submit} data-testid="resume-form">
      <TextField id="resume-code" name="code" label={lt(locale, 'resume.code')} autoComplete="off" autoCapitalize="characters" spellcheck={false} required maxLength={40} value={code} onInput={setCode} />
      <p class="trainer-form__message" role="alert">
        {message}
      </p>
      <button class="button" type="submit" disabled={busy}>
        {lt(locale, 'resume.submit')}
      </button>
    </form>
  );
}
