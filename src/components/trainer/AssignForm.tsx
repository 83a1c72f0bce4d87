import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import { sendJson, type ApiResult } from './http.ts';
import { failureMessage, fieldError } from './messages.ts';
import TextField from './TextField.tsx';
import { tt } from './text.ts';

export interface AssignableModule {
  id: string;
  title: string;
  /** The language of a trainer's own module's titles, where it may differ from the page's. */
  lang?: Locale | undefined;
  lessons: { id: string; title: string }[];
}

interface Props {
  locale: Locale;
  cohortId: string;
  modules: AssignableModule[];
  /** YYYY-MM-DD shown first in the date field (two weeks ahead). */
  defaultDueDate: string;
}

/** The end of the chosen day in the trainer's own time zone, as an ISO instant. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/** Lessons (or whole modules) with a due date, pass mark and question count. */
export default function AssignForm({ locale, cohortId, modules, defaultDueDate }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState(defaultDueDate);
  const [passMark, setPassMark] = useState('80');
  const [questionCount, setQuestionCount] = useState('5');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiResult | null>(null);
  const [message, setMessage] = useState('');
  const toggle = (ids: string[], on: boolean) => setChosen((current) => (on ? [...new Set([...current, ...ids])] : current.filter((id) => !ids.includes(id))));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setMessage(tt(locale, 'assign.nothing'));
      return;
    }
    setBusy(true);
    const wholeModules = modules.filter((module) => module.lessons.every((lesson) => chosen.includes(lesson.id))).map((module) => module.id);
    const sent = await sendJson<{ assignments: unknown[] }>('POST', `/api/trainer/cohorts/${cohortId}/assignments`, {
      lessons: chosen,
      modules: wholeModules,
      dueAt: dueDate ? endOfDay(dueDate) : '',
      passMark: Number(passMark) / 100,
      questionCount: Number(questionCount),
    });
    if (sent.kind === 'ok') {
      // Reload with a note, so the matrix shows the new columns and the result is announced.
      window.location.assign(`?assigned=${sent.body.assignments.length}#assign`);
      return;
    }
    setBusy(false);
    setResult(sent);
    setMessage(failureMessage(locale, sent));
  };
  return (
    <form method="post" class="trainer-form card assign" onSubmit={submit} data-testid="assign-form">
      {modules.map((module) => {
        const ids = module.lessons.map((lesson) => lesson.id);
        const all = ids.every((id) => chosen.includes(id));
        return (
          <fieldset class="assign__module" key={module.id}>
            <legend lang={module.lang}>{module.title}</legend>
            <label class="assign__choice assign__choice--module">
              <input type="checkbox" checked={all} onChange={(event) => toggle(ids, (event.target as HTMLInputElement).checked)} data-module={module.id} />
              {tt(locale, 'assign.wholeModule', { title: module.title })}
            </label>
            <ul class="assign__lessons">
              {module.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <label class="assign__choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(lesson.id)}
                      onChange={(event) => toggle([lesson.id], (event.target as HTMLInputElement).checked)}
                      data-lesson={lesson.id}
                    />
                    <span lang={module.lang}>{lesson.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <div class="assign__settings">
        <TextField id="assign-due" label={tt(locale, 'assign.due')} type="date" required value={dueDate} onInput={setDueDate} error={fieldError(result, 'dueAt')} />
        <TextField
          id="assign-pass"
          label={tt(locale, 'assign.passMark')}
          type="number"
          min={10}
          max={100}
          step={5}
          required
          value={passMark}
          onInput={setPassMark}
          error={fieldError(result, 'passMark')}
        />
        <TextField
          id="assign-count"
          label={tt(locale, 'assign.questionCount')}
          type="number"
          min={3}
          max={20}
          required
          value={questionCount}
          onInput={setQuestionCount}
          error={fieldError(result, 'questionCount')}
        />
      </div>
      <p class="trainer-form__message" role="alert">
        {message}
      </p>
      <button class="button" type="submit" disabled={busy}>
        {tt(locale, 'assign.submit')}
      </button>
    </form>
  );
}
