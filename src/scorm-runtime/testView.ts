/** The module test's form and results, in plain DOM: the package must run in any LMS frame. */
import type { Locale } from '../lib/i18n/locales.ts';
import type { LearnerQuestion } from '../lib/quiz/index.ts';
import type { Bank } from '../lib/quiz/schema.ts';
import { drawModuleTest, gradeModuleTest, type ModuleTest, type ModuleTestResult } from '../lib/scorm/moduleTest.ts';
import { packageText } from '../lib/scorm/text.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Record<string, string | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

function choice(type: 'radio' | 'checkbox', name: string, value: string, text: string): HTMLLabelElement {
  return element('label', {}, element('input', { type, name, value }), ` ${text}`);
}

function questionFieldset(key: string, view: LearnerQuestion, locale: Locale): HTMLFieldSetElement {
  const fieldset = element('fieldset', { className: 'question' });
  fieldset.dataset.key = key;
  fieldset.dataset.type = view.type;
  fieldset.append(element('legend', {}, `${view.number}. ${view.prompt}`));
  if (view.situation) fieldset.append(element('p', {}, view.situation));
  fieldset.append(element('p', { className: 'instructions' }, view.instructions));
  const name = `q-${key}`;
  if (view.options) {
    const type = view.type === 'multiple' ? 'checkbox' : 'radio';
    view.options.forEach((option, position) => fieldset.append(choice(type, name, String(position), `${option.label}. ${option.text}`)));
  } else if (view.labels) {
    fieldset.append(choice('radio', name, 'true', view.labels.true), choice('radio', name, 'false', view.labels.false));
  } else if (view.steps) {
    // Each step gets its place in the order; the response lists steps by the places chosen.
    view.steps.forEach((step, position) => {
      const select = element('select', { name: `${name}-${position}` });
      select.append(element('option', { value: '' }, '—'));
      view.steps!.forEach((_, place) => select.append(element('option', { value: String(place) }, packageText(locale, 'orderPosition', { n: place + 1 }))));
      fieldset.append(element('label', {}, select, ` ${step.text}`));
    });
  } else {
    fieldset.append(element('label', {}, element('input', { type: 'text', name, inputMode: 'decimal', autocomplete: 'off' }), ` ${view.unitLabel ?? ''}`));
  }
  return fieldset;
}

/** The learner's answer in the shape grade() reads (see src/lib/quiz/response.ts); null when blank. */
export function readResponse(fieldset: HTMLFieldSetElement): unknown {
  const type = fieldset.dataset.type;
  const inputs = [...fieldset.querySelectorAll('input')];
  if (type === 'multiple') {
    const chosen = inputs.filter((input) => input.checked).map((input) => Number(input.value));
    return chosen.length ? chosen : null;
  }
  if (type === 'true-false') {
    const chosen = inputs.find((input) => input.checked);
    return chosen ? chosen.value === 'true' : null;
  }
  if (type === 'ordering') {
    const places = [...fieldset.querySelectorAll('select')].map((select) => (select.value === '' ? null : Number(select.value)));
    if (places.some((place) => place === null) || new Set(places).size !== places.length) return null;
    return places.map((place, position) => ({ place: place!, position })).sort((a, b) => a.place - b.place).map(({ position }) => position);
  }
  if (type === 'numeric' || type === 'calculated') {
    const typed = inputs[0]?.value.trim() ?? '';
    return typed === '' ? null : typed;
  }
  const chosen = inputs.find((input) => input.checked);
  return chosen ? Number(chosen.value) : null;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export interface TestViewOptions {
  container: HTMLElement;
  banks: Bank[];
  perLesson: number;
  locale: Locale;
  mastery: () => number;
  onGraded: (result: ModuleTestResult) => void;
}

export function mountTest(options: TestViewOptions): void {
  const { container, locale } = options;
  const text = (key: Parameters<typeof packageText>[1], values?: Record<string, string | number>) => packageText(locale, key, values);
  const start = () => {
    const test: ModuleTest = drawModuleTest(options.banks, randomSeed(), options.perLesson, locale);
    const form = element('form', { id: 'module-test' });
    // The seed is no secret here (the key ships in the package); it lets tests re-create the draw.
    form.dataset.seed = String(test.seed);
    test.questions.forEach((question) => form.append(questionFieldset(question.key, question.view, locale)));
    form.append(element('button', { type: 'submit' }, text('submit')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const responses: Record<string, unknown> = {};
      form.querySelectorAll('fieldset').forEach((fieldset) => (responses[fieldset.dataset.key!] = readResponse(fieldset)));
      const result = gradeModuleTest(test, responses, locale);
      options.onGraded(result);
      showResult(test, result);
    });
    container.replaceChildren(form);
  };
  const showResult = (test: ModuleTest, result: ModuleTestResult) => {
    const mastery = options.mastery();
    const passed = result.percent >= mastery - 1e-9;
    const summary = element('div', { className: `result ${passed ? 'passed' : 'failed'}`, id: 'test-result' },
      element('p', {}, element('strong', {}, text(passed ? 'passed' : 'failed'))),
      element('p', {}, text('score', { total: Math.round(result.total * 100) / 100, max: result.max, percent: result.percent, mastery })),
    );
    const list = element('ol', { className: 'feedback' });
    const prompts = new Map(test.questions.map((question) => [question.key, question.view.prompt]));
    result.lessons.flatMap((lesson) => lesson.questions.map((question) => ({ ...question, key: `${lesson.lesson}/${question.questionId}` }))).forEach((question) => {
      const feedback = question.feedback;
      list.append(element('li', {},
        element('p', { className: 'feedback__prompt' }, element('span', { className: question.correct ? 'ok' : 'ng' }, text(question.correct ? 'correct' : 'wrong')), ' ', prompts.get(question.key) ?? ''),
        element('p', {}, text('yourAnswer', { answer: feedback.learnerAnswer ?? text('unanswered') })),
        element('p', {}, text('rightAnswer', { answer: feedback.correctAnswer })),
        element('p', { className: 'feedback__why' }, feedback.explanation),
      ));
    });
    const again = element('button', { type: 'button', className: 'secondary' }, text('retake'));
    again.addEventListener('click', start);
    container.replaceChildren(summary, list, again);
    summary.scrollIntoView?.();
  };
  start();
}
