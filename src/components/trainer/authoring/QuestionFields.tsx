import type { Locale } from '../../../lib/i18n/locales.ts';
import { EDITABLE_TYPES, EDITOR_UNITS, type EditableType, type QuestionForm } from '../../../lib/authoring/questionForm.ts';
import type { Unit } from '../../../lib/quiz/schemaParts.ts';
import { at } from './text.ts';

interface Props {
  locale: Locale;
  form: QuestionForm;
  number: number;
  sections: { id: string; heading: string }[];
  errors: string[];
  onChange: (form: QuestionForm) => void;
  onRemove: () => void;
}

const TYPE_LABEL: Record<EditableType, { ja: string; en: string }> = {
  single: { ja: '択一', en: 'Single choice' },
  multiple: { ja: '複数選択（部分点）', en: 'Multiple choice (partial credit)' },
  'true-false': { ja: '○×', en: 'True / false' },
  numeric: { ja: '数値（許容誤差つき）', en: 'Number (with tolerance)' },
  ordering: { ja: '並べ替え', en: 'Ordering' },
  scenario: { ja: 'シナリオ', en: 'Scenario' },
};

/** The fields of one question; which ones show depends on its type. */
export default function QuestionFields({ locale, form, number, sections, errors, onChange, onRemove }: Props) {
  const set = (patch: Partial<QuestionForm>) => onChange({ ...form, ...patch });
  const id = (name: string) => `q-${number}-${name}`;
  const hasOptions = form.type === 'single' || form.type === 'multiple' || form.type === 'scenario';
  const text = (name: keyof QuestionForm, label: string, rows = 2) => (
    <>
      <label for={id(name)}>{label}</label>
      <textarea id={id(name)} rows={rows} value={String(form[name])} onInput={(e) => set({ [name]: e.currentTarget.value } as Partial<QuestionForm>)} />
    </>
  );
  return (
    <fieldset class="question-editor" data-question={form.id}>
      <legend>{number}. {TYPE_LABEL[form.type][locale]}</legend>
      <div class="question-editor__row">
        <label>
          {at(locale, 'quiz.type')}
          <select value={form.type} onChange={(e) => set({ type: e.currentTarget.value as EditableType })}>
            {EDITABLE_TYPES.map((type) => <option value={type}>{TYPE_LABEL[type][locale]}</option>)}
          </select>
        </label>
        <label>
          {at(locale, 'quiz.section')}
          <select value={form.sectionId} onChange={(e) => set({ sectionId: e.currentTarget.value })}>
            {sections.map((section, i) => <option value={section.id}>{section.heading || `#${i + 1}`}</option>)}
          </select>
        </label>
        <label>
          {at(locale, 'quiz.concept')}
          <input value={form.concept} onInput={(e) => set({ concept: e.currentTarget.value })} />
        </label>
      </div>
      {form.type === 'scenario' && text('situation', at(locale, 'quiz.situation'))}
      {text('prompt', at(locale, 'quiz.prompt'))}
      {hasOptions && (
        <ol class="question-editor__options">
          {form.options.map((option, i) => (
            <li key={i}>
              <label>
                <input
                  type={form.type === 'multiple' ? 'checkbox' : 'radio'}
                  name={id('correct')}
                  checked={option.correct}
                  onChange={(e) => set({ options: form.options.map((o, j) => ({ ...o, correct: j === i ? e.currentTarget.checked : form.type === 'multiple' ? o.correct : false })) })}
                />
                {at(locale, 'quiz.correct')}
              </label>
              <input aria-label={`${at(locale, 'quiz.option')} ${i + 1}`} value={option.text} onInput={(e) => set({ options: form.options.map((o, j) => (j === i ? { ...o, text: e.currentTarget.value } : o)) })} />
              <input aria-label={`${at(locale, 'quiz.optionExplanation')} ${i + 1}`} placeholder={at(locale, 'quiz.optionExplanation')} value={option.explanation} onInput={(e) => set({ options: form.options.map((o, j) => (j === i ? { ...o, explanation: e.currentTarget.value } : o)) })} />
            </li>
          ))}
        </ol>
      )}
      {form.type === 'true-false' && (
        <>
          <label>
            <input type="checkbox" checked={form.statementIsTrue} onChange={(e) => set({ statementIsTrue: e.currentTarget.checked })} /> {at(locale, 'quiz.correct')}: ○
          </label>
          {text('wrongExplanation', at(locale, 'quiz.wrongExplanation'))}
        </>
      )}
      {form.type === 'numeric' && (
        <div class="question-editor__row">
          <label>{at(locale, 'quiz.answer')}<input inputMode="decimal" value={form.answer} onInput={(e) => set({ answer: e.currentTarget.value })} /></label>
          <label>{at(locale, 'quiz.tolerance')}<input inputMode="decimal" value={form.tolerance} onInput={(e) => set({ tolerance: e.currentTarget.value })} /></label>
          <label>
            {at(locale, 'quiz.unit')}
            <select value={form.unit} onChange={(e) => set({ unit: e.currentTarget.value as Unit })}>{EDITOR_UNITS.map((unit) => <option value={unit}>{unit}</option>)}</select>
          </label>
        </div>
      )}
      {form.type === 'ordering' && text('steps', at(locale, 'quiz.steps'), 4)}
      {text('explanation', at(locale, 'quiz.explanation'))}
      {errors.length > 0 && <ul class="field-errors" role="alert">{errors.map((error) => <li>{error}</li>)}</ul>}
      <button type="button" class="button button--quiet" onClick={onRemove}>{at(locale, 'editor.remove')}</button>
    </fieldset>
  );
}
