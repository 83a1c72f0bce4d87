import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { formValues, sendJson, type ApiResult } from '../trainer/http.ts';
import { fieldError } from '../trainer/messages.ts';
import TextField from '../trainer/TextField.tsx';
import { learnPath, lt } from './text.ts';

interface Props {
  locale: Locale;
  token: string;
}

/** Name (and employee id) to join; then the resume code, shown this once. */
export default function JoinForm({ locale, token }: Props) {
  const [name, setName] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiResult | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (code) heading.current?.focus();
  }, [code]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const typed = formValues(event);
    const employee = (typed.employeeId ?? '').trim();
    const sent = await sendJson<{ resumeCode: string }>('POST', '/api/auth/join', { token, name: typed.name ?? '', ...(employee ? { employeeId: employee } : {}) });
    setBusy(false);
    if (sent.kind === 'ok') setCode(sent.body.resumeCode);
    else setResult(sent);
  };
  if (code) {
    return (
      <section class="card join-done" aria-labelledby="join-done-title" data-testid="join-done">
        <h2 id="join-done-title" tabIndex={-1} ref={heading}>
          {lt(locale, 'join.done')}
        </h2>
        <p>{lt(locale, 'join.codeLead')}</p>
        <p class="resume-code">
          <span class="resume-code__label">{lt(locale, 'join.codeLabel')}</span>
          <span class="resume-code__value notranslate" data-testid="resume-code">
            {code}
          </span>
        </p>
        <p class="join-done__actions">
          <button
            type="button"
            class="button button--quiet"
            onClick={() => void navigator.clipboard?.writeText(code).then(() => setCopied(true), () => setCopied(false))}
          >
            {lt(locale, 'join.copyCode')}
          </button>
          <a class="button" href={learnPath(locale)} data-testid="go-to-assignments">
            {lt(locale, 'join.continue')}
          </a>
        </p>
        <p role="status">{copied ? lt(locale, 'join.copied') : ''}</p>
      </section>
    );
  }
  const message =
    result?.kind === 'network'
      ? lt(locale, 'error.network')
      : result?.kind === 'error'
        ? result.code === 'invite-not-found'
          ? lt(locale, 'join.invalid')
          : result.code === 'rate-limited'
            ? lt(locale, 'error.rateLimited')
            : result.code === 'invalid-body'
              ? ''
              : lt(locale, 'error.generic')
        : '';
  return (
    <form method="post" class="trainer-form card" onSubmit={submit} data-testid="join-form">
      <TextField id="join-name" name="name" label={lt(locale, 'join.name')} autoComplete="name" required maxLength={60} value={name} onInput={setName} error={fieldError(result, 'name')} />
      <TextField
        id="join-employee"
        name="employeeId"
        label={lt(locale, 'join.employeeId')}
        hint={lt(locale, 'join.employeeIdHint')}
        maxLength={40}
        value={employeeId}
        onInput={setEmployeeId}
        error={fieldError(result, 'employeeId')}
      />
      <p class="trainer-form__message" role="alert">
        {message}
      </p>
      <button class="button" type="submit" disabled={busy}>
        {lt(locale, 'join.submit')}
      </button>
    </form>
  );
}
