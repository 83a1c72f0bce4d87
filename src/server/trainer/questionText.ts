/**
 * How the dashboard names questions and answers: the prompt as authored, and an answer in the
 * bank's terms (`b`, `a,c`, `true`, `20000`, `s2>s1`) as the learner read it, in both languages.
 */
import { LOCALES, type Locale } from '../../lib/i18n/locales.ts';
import { formatWithUnit } from '../../lib/quiz/display.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import type { Localized } from '../../lib/quiz/schemaParts.ts';

const NO_ANSWER: Localized = { ja: '（未回答）', en: '(no answer)' };
const TRUE_FALSE: Record<'true' | 'false', Localized> = { true: { ja: '正しい', en: 'True' }, false: { ja: '誤り', en: 'False' } };

function both(write: (locale: Locale) => string): Localized {
  return Object.fromEntries(LOCALES.map((locale) => [locale, write(locale)])) as Localized;
}

export function answerText(question: Question, choice: string | null): Localized {
  if (choice === null) return NO_ANSWER;
  switch (question.type) {
    case 'single':
    case 'scenario':
    case 'multiple': {
      const texts = choice.split(',').map((id) => question.options.find((option) => option.id === id)?.text);
      return both((locale) => texts.map((text) => text?.[locale] ?? '?').join(locale === 'ja' ? '、' : '; '));
    }
    case 'true-false':
      return TRUE_FALSE[choice === 'true' ? 'true' : 'false'];
    case 'numeric':
    case 'calculated':
      return both((locale) => (Number.isFinite(Number(choice)) ? formatWithUnit(locale, question.unit, Number(choice)) : choice));
    case 'ordering': {
      const steps = choice.split('>').map((id) => question.steps.find((step) => step.id === id)?.text);
      return both((locale) => steps.map((text) => text?.[locale] ?? '?').join(' → '));
    }
  }
}
