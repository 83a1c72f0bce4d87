import { useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { emptyQuestion, formToQuestion, questionToForm, type QuestionForm } from '../../../lib/authoring/questionForm.ts';
import type { Question } from '../../../lib/quiz/schema.ts';
import { problemText, requestJson } from './api.ts';
import { editTarget } from '../../../lib/authoring/autosave.ts';
import { autosave } from './editorStore.ts';
import QuestionFields from './QuestionFields.tsx';
import { at } from './text.ts';

interface Props {
  locale: Locale;
  moduleId: string;
  lessonId: string;
  contentLocale: 'ja' | 'en';
  sections: { id: string; heading: string }[];
  initial: Question[];
  required: number;
}

/** Errors of `questions.<i>.…` grouped by question. */
function errorsByQuestion(body: Record<string, unknown>): Map<number, string[]> {
  const grouped = new Map<number, string[]>();
  for (const [field, messages] of Object.entries((body.fieldErrors as Record<string, string[]>) ?? {})) {
    const index = Number(/^questions\.(\d+)/.exec(field)?.[1] ?? -1);
    grouped.set(index, [...(grouped.get(index) ?? []), ...messages.map((m) => `${field.replace(/^questions\.\d+\.?/, '') || '—'}: ${m}`)]);
  }
  return grouped;
}

/** A lesson's test: questions of the built-in types, saved as a whole; GIFT in and out. */
export default function QuizEditor({ locale, moduleId, lessonId, contentLocale, sections, initial, required }: Props) {
  const [forms, setForms] = useState<QuestionForm[]>(() => initial.map((q) => questionToForm(q, contentLocale)));
  const [errors, setErrors] = useState<Map<number, string[]>>(new Map());
  const [message, setMessage] = useState('');
  const [gift, setGift] = useState('');
  const base = `/api/trainer/modules/${moduleId}/lessons/${lessonId}`;
  const nextId = () => {
    const used = new Set(forms.map((form) => form.id));
    let n = forms.length + 1;
    while (used.has(`q${n}`)) n++;
    return `q${n}`;
  };
  const target = editTarget.questions(lessonId);
  const finish = (answer: { ok: boolean; body: Record<string, unknown> }, saved: string) => {
    if (answer.ok) {
      const questions = ((answer.body.value as { questions?: Question[] } | null)?.questions ?? []) as Question[];
      setForms(questions.map((q) => questionToForm(q, contentLocale)));
      setErrors(new Map());
      setMessage(saved);
      return { revision: Number(answer.body.revision), draftRevision: Number(answer.body.draftRevision), value: undefined };
    }
    setErrors(errorsByQuestion(answer.body));
    // The questions stay in the form: nothing typed is lost on a conflict either.
    setMessage(answer.body.error === 'edited-elsewhere' ? at(locale, 'save.conflict') : problemText(answer.body));
    return { value: undefined };
  };
  const save = () => autosave().run(target, async (revision) => finish(await requestJson('PUT', `${base}/questions`, { revision, questions: forms.map(formToQuestion) }), at(locale, 'quiz.saved')));
  const importGift = () => autosave().run(target, async (revision) => finish(await requestJson('POST', `${base}/gift`, { revision, gift }), at(locale, 'quiz.saved')));
  return (
    <section class="quiz-editor" aria-label={at(locale, 'quiz.title', { n: forms.length })} data-testid={`quiz-editor-${lessonId}`}>
      <h3>{at(locale, 'quiz.title', { n: forms.length })}</h3>
      {forms.length < required && <p class="muted">{at(locale, 'quiz.needed', { n: required })}</p>}
      {forms.map((form, i) => (
        <QuestionFields
          key={form.id}
          locale={locale}
          form={form}
          number={i + 1}
          sections={sections}
          errors={errors.get(i) ?? []}
          onChange={(next) => setForms(forms.map((f, j) => (j === i ? next : f)))}
          onRemove={() => setForms(forms.filter((_, j) => j !== i))}
        />
      ))}
      <div class="quiz-editor__actions">
        <button type="button" class="button button--quiet" onClick={() => setForms([...forms, emptyQuestion(nextId(), sections[0]?.id ?? '')])}>{at(locale, 'quiz.add')}</button>
        <button type="button" class="button" onClick={save} data-testid="save-quiz">{at(locale, 'quiz.save')}</button>
      </div>
      <p role="status" class="quiz-editor__message">{message}</p>
      <details>
        <summary>{at(locale, 'quiz.giftImport')} / {at(locale, 'quiz.giftExport')}</summary>
        <label for={`gift-${lessonId}`}>{at(locale, 'quiz.giftPaste')}</label>
        <textarea id={`gift-${lessonId}`} rows={5} value={gift} onInput={(e) => setGift(e.currentTarget.value)} />
        <button type="button" class="button button--quiet" onClick={importGift}>{at(locale, 'quiz.giftImport')}</button>
        <a class="button button--quiet" href={`${base}/gift`} download="questions.gift.txt">{at(locale, 'quiz.giftExport')}</a>
      </details>
    </section>
  );
}
