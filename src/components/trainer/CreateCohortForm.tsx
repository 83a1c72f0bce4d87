import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { formValues, sendJson, type ApiResult } from './http.ts';
import { failureMessage, fieldError } from './messages.ts';
import TextField from './TextField.tsx';
import { trainerPath, tt } from './text.ts';

/** A new cohort by name; opens its page on success. */
export default function CreateCohortForm({ locale }: { locale: Locale }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiResult | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const sent = await sendJson<{ cohort: { id: string } }>('POST', '/api/trainer/cohorts', { name: formValues(event).name ?? '' });
    if (sent.kind === 'ok') {
      window.location.assign(trainerPath(locale, `cohorts/${sent.body.cohort.id}/`));
      return;
    }
    setBusy(false);
    setResult(sent);
  };
  return (
    <form method="post" class="trainer-form card" onSubmit={submit} aria-labelledby="create-cohort-title" data-testid="create-cohort">
      <h2 id="create-cohort-title">{tt(locale, 'cohort.create')}</h2>
      <TextField
        id="cohort-name"
        name="name"
        label={tt(locale, 'cohort.name')}
        placeholder={tt(locale, 'cohort.namePlaceholder')}
        required
        maxLength={80}
        value={name}
        onInput={setName}
        error={fieldError(result, 'name')}
      />
      <p class="trainer-form__message" role="alert">
        {result && result.kind !== 'ok' ? failureMessage(locale, result) : ''}
      </p>
      <button class="button" type="submit" disabled={busy}>
        {tt(locale, 'cohort.createSubmit')}
      </button>
    </form>
  );
}
