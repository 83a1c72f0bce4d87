import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { formValues, sendJson, type ApiResult } from './http.ts';
import { failureMessage } from './messages.ts';
import TextField from './TextField.tsx';
import { trainerPath, tt } from './text.ts';

/** Email and password; on success the trainer home. */
export default function LoginForm({ locale }: { locale: Locale }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    const { email: typedEmail = '', password: typedPassword = '' } = formValues(event);
    const result: ApiResult = await sendJson('POST', '/api/auth/login', { email: typedEmail, password: typedPassword });
    if (result.kind === 'ok') {
      window.location.assign(trainerPath(locale));
      return;
    }
    setBusy(false);
    setMessage(result.kind === 'error' && result.code === 'invalid-credentials' ? tt(locale, 'login.invalid') : failureMessage(locale, result));
  };
  return (
    <form method="post" class="trainer-form card" onSubmit={submit} data-testid="login-form">
      <TextField id="login-email" name="email" label={tt(locale, 'login.email')} type="email" autoComplete="username" required value={email} onInput={setEmail} />
      <TextField id="login-password" name="password" label={tt(locale, 'login.password')} type="password" autoComplete="current-password" required value={password} onInput={setPassword} />
      <p class="trainer-form__message" role="alert">
        {message}
      </p>
      <button class="button" type="submit" disabled={busy}>
        {tt(locale, 'login.submit')}
      </button>
    </form>
  );
}
