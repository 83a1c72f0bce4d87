import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { formValues, sendJson, type ApiResult } from './http.ts';
import { failureMessage, fieldError } from './messages.ts';
import TextField from './TextField.tsx';
import { trainerPath, tt } from './text.ts';

/** The one-time creation of the first trainer; signs in on success. */
export default function SetupForm({ locale }: { locale: Locale }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiResult | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const typed = formValues(event);
    const sent: ApiResult = await sendJson('POST', '/api/auth/setup', { name: typed.name ?? '', email: typed.email ?? '', password: typed.password ?? '' });
    if (sent.kind === 'ok') {
      window.location.assign(trainerPath(locale));
      return;
    }
    setBusy(false);
    setResult(sent);
  };
  const message = result && result.kind !== 'ok' ? (result.kind === 'error' && result.code === 'setup-closed' ? tt(locale, 'setup.closed') : failureMessage(locale, result)) : '';
  return (
    <form method="post" class="trainer-form card" onSubmit={submit} data-testid="setup-form">
      <TextField id="setup-name" name="name" label={tt(locale, 'setup.name')} autoComplete="name" required maxLength={60} value={name} onInput={setName} error={fieldError(result, 'name')} />
      <TextField id="setup-email" name="email" label={tt(locale, 'login.email')} type="email" autoComplete="username" required value={email} onInput={setEmail} error={fieldError(result, 'email')} />
      <TextField
        id="setup-password"
        name="password"
        label={tt(locale, 'setup.password')}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        value={password}
        onInput={setPassword}
        error={fieldError(result, 'password')}
      />
      <p class="trainer-form__message" role="alert">
        {message}
      </p>
      <button class="button" type="submit" disabled={busy}>
        {tt(locale, 'setup.submit')}
      </button>
    </form>
  );
}
