/**
 * Moodle GIFT import and export, so trainers can reuse the questions they already have.
 * Supported both ways: single choice, multiple choice (partial credit as Moodle weights: each
 * right option +100/n %, each wrong one −100/n %, the same rule as our grading), true/false and
 * numeric with a tolerance. Concept, difficulty and unit travel as Moodle tags (`// [tag:...]`);
 * the explanation as general feedback (`####`), each option's explanation as its feedback.
 * Scenario questions export as single choice (situation before the prompt). GIFT has no ordering
 * question: an ordering question travels as a matching question that pairs each step with its
 * place (`=課題 -> 1`), which Moodle imports as matching and this importer reads back as ordering.
 * Parsing is gift-pegjs.
 */
import { parse, type GIFTQuestion, type TextChoice } from 'gift-pegjs';
import type { Locale } from '../i18n/locales.ts';
import { UNITS, type Unit } from '../quiz/schemaParts.ts';
import type { Question } from '../quiz/schema.ts';
import { sectionAnchor } from './ids.ts';

const escapeGift = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/[~=#{}:\\]/g, '\\$&');
const round = (value: number) => Number(value.toFixed(5));

function tagsLine(question: Question): string {
  const unit = 'unit' in question ? [`unit-${question.unit}`] : [];
  return `// [tag:${question.concept}] [tag:difficulty-${question.difficulty}]${unit.map((tag) => ` [tag:${tag}]`).join('')}`;
}

function exportOne(question: Question, locale: Locale): string {
  const text = (localized: { ja: string; en: string }) => escapeGift(localized[locale]);
  const head = `${tagsLine(question)}\n::${question.id}::`;
  const general = `####${text(question.explanation)}`;
  const feedback = (explanation: { ja: string; en: string } | undefined) => (explanation ? `#${text(explanation)}` : '');
  switch (question.type) {
    case 'single':
    case 'scenario': {
      const stem = question.type === 'scenario' ? `${text(question.situation)} ${text(question.prompt)}` : text(question.prompt);
      const options = question.options.map((option) => `${option.id === question.answer ? '=' : '~'}${text(option.text)}${feedback(option.explanation)}`);
      return `${head}${stem} {\n${options.join('\n')}\n${general}\n}`;
    }
    case 'multiple': {
      const share = round(100 / question.answer.length);
      const options = question.options.map((option) => `~%${question.answer.includes(option.id) ? share : -share}%${text(option.text)}${feedback(option.explanation)}`);
      return `${head}${text(question.prompt)} {\n${options.join('\n')}\n${general}\n}`;
    }
    case 'true-false':
      // Moodle: the first feedback is shown for a wrong answer, the second for a right one.
      return `${head}${text(question.prompt)} {${question.answer ? 'TRUE' : 'FALSE'}#${text(question.wrongExplanation)}#${text(question.explanation)}${general}}`;
    case 'numeric': {
      const tolerance = 'absolute' in question.tolerance ? question.tolerance.absolute : round(Math.abs(question.answer) * question.tolerance.relative);
      return `${head}${text(question.prompt)} {#\n=${question.answer}:${tolerance}\n${general}\n}`;
    }
    case 'ordering': {
      // `->` separates a pair in GIFT, so a step may not contain it.
      const pairs = question.steps.map((step, i) => `=${text(step.text).replace(/->/g, '→')} -> ${i + 1}`);
      return `${head}${text(question.prompt)} {\n${pairs.join('\n')}\n${general}\n}`;
    }
    default:
      return `// ${question.type} question "${question.id}" has no GIFT form; it was left out`;
  }
}

/** The questions as GIFT text, one blank line between questions. */
export function questionsToGift(questions: readonly Question[], locale: Locale): string {
  return `${questions.map((question) => exportOne(question, locale)).join('\n\n')}\n`;
}

export interface GiftImportOptions {
  locale: Locale;
  /** The section the imported questions link to. */
  sectionId: string;
  /** Ids already used in the lesson's test: imported ids avoid them. */
  existingIds: readonly string[];
}

export type GiftImport = { ok: true; questions: Question[] } | { ok: false; message: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LETTERS = 'abcdefgh';

function readTags(tags: readonly string[] | null | undefined): { concept: string; difficulty: 1 | 2 | 3; unit: Unit } {
  let concept = 'general';
  let difficulty: 1 | 2 | 3 = 1;
  let unit: Unit = '回';
  for (const tag of tags ?? []) {
    const level = /^difficulty-([123])$/.exec(tag);
    const unitTag = /^unit-(.+)$/.exec(tag);
    if (level) difficulty = Number(level[1]) as 1 | 2 | 3;
    else if (unitTag && (UNITS as readonly string[]).includes(unitTag[1]!)) unit = unitTag[1] as Unit;
    else if (SLUG.test(tag)) concept = tag;
  }
  return { concept, difficulty, unit };
}

/** GIFT text → questions in the banks' schema, or which question cannot be read and why. */
export function giftToQuestions(gift: string, { locale, sectionId, existingIds }: GiftImportOptions): GiftImport {
  let parsed: GIFTQuestion[];
  try {
    parsed = parse(gift);
  } catch (error) {
    const location = (error as { location?: { start?: { line: number; column: number } } }).location?.start;
    const where = location ? `line ${location.line}, column ${location.column}: ` : '';
    return { ok: false, message: `${where}${error instanceof Error ? error.message : 'not GIFT'}` };
  }
  const used = new Set(existingIds);
  const both = (text: string) => ({ ja: text.trim() || '—', en: text.trim() || '—' });
  const questions: Question[] = [];
  let number = 0;
  for (const item of parsed) {
    if (item.type === 'Category' || item.type === 'Description') continue;
    number++;
    if (item.type !== 'MC' && item.type !== 'TF' && item.type !== 'Numerical' && item.type !== 'Matching') {
      return { ok: false, message: `question ${number} (${item.title ?? item.type}): ${item.type} questions are not supported; use single or multiple choice, true/false, numeric or an order (matching to 1, 2, 3…)` };
    }
    const base = (item.title ?? '').trim().toLowerCase();
    let id = SLUG.test(base) && !used.has(base) ? base : `q-${number}`;
    for (let n = 2; used.has(id); n++) id = `q-${number}-${n}`;
    used.add(id);
    const tags = readTags(item.tags);
    const section = { ja: sectionAnchor(sectionId), en: sectionAnchor(sectionId) };
    const common = { id, concept: tags.concept, difficulty: tags.difficulty, section, objective: 0, prompt: both(item.stem.text) };
    const general = item.globalFeedback?.text;
    if (item.type === 'TF') {
      questions.push({
        ...common,
        type: 'true-false',
        answer: item.isTrue,
        explanation: both(general ?? item.falseFeedback?.text ?? ''),
        wrongExplanation: both(item.trueFeedback?.text ?? general ?? ''),
      });
      continue;
    }
    if (item.type === 'Matching') {
      const places = item.matchPairs.map((pair) => Number(pair.subanswer.trim()));
      const isOrder = places.length >= 2 && places.length <= 8 && [...places].sort((a, b) => a - b).every((place, i) => place === i + 1);
      if (!isOrder) return { ok: false, message: `question ${number} (${item.title ?? 'Matching'}): matching is read only as an order, each of 2 to 8 items matched to its place 1, 2, 3…` };
      const inOrder = item.matchPairs.map((pair, i) => ({ text: pair.subquestion.text, place: places[i]! })).sort((a, b) => a.place - b.place);
      const order = inOrder.map((step) => step.text).join(' → ');
      const fallback = locale === 'ja' ? `正しい順番は「${order}」です。` : `The right order is “${order}”.`;
      questions.push({ ...common, type: 'ordering', steps: inOrder.map((step, i) => ({ id: LETTERS[i]!, text: both(step.text) })), explanation: both(general ?? fallback) });
      continue;
    }
    if (item.type === 'Numerical') {
      const choice = Array.isArray(item.choices) ? (item.choices.find((c) => c.isCorrect || (c.weight ?? 0) > 0) ?? item.choices[0])?.text : item.choices;
      if (!choice) return { ok: false, message: `question ${number}: a numeric question needs an answer` };
      const value = choice.type === 'high-low' ? ((choice.numberHigh ?? 0) + (choice.numberLow ?? 0)) / 2 : (choice.number ?? 0);
      const absolute = choice.type === 'high-low' ? Math.abs((choice.numberHigh ?? 0) - (choice.numberLow ?? 0)) / 2 : (choice.range ?? 0);
      questions.push({ ...common, type: 'numeric', answer: value, tolerance: { absolute }, unit: tags.unit, mistakes: [], explanation: both(general ?? '') });
      continue;
    }
    const choices: TextChoice[] = item.choices;
    if (choices.length < 2 || choices.length > 6) return { ok: false, message: `question ${number}: ${choices.length} options; use 2 to 6` };
    const right = choices.map((choice, i) => (choice.isCorrect || (choice.weight ?? 0) > 0 ? LETTERS[i]! : null)).filter((x): x is string => x !== null);
    if (right.length === 0) return { ok: false, message: `question ${number}: no option is marked right (= or a positive %)` };
    const rightText = right.map((letter) => choices[LETTERS.indexOf(letter)]!.text.text).join(', ');
    const fallback = locale === 'ja' ? `正解は「${rightText}」です。` : `The right answer is “${rightText}”.`;
    const options = choices.map((choice, i) => {
      const explanation = choice.feedback?.text ?? (right.includes(LETTERS[i]!) ? undefined : (general ?? fallback));
      return { id: LETTERS[i]!, text: both(choice.text.text), ...(explanation === undefined ? {} : { explanation: both(explanation) }) };
    });
    const explanation = both(general ?? fallback);
    const multiple = right.length > 1 || choices.some((choice) => (choice.weight ?? 0) < 0);
    questions.push(multiple ? { ...common, type: 'multiple', options, answer: right, explanation } : { ...common, type: 'single', options, answer: right[0]!, explanation });
  }
  if (questions.length === 0) return { ok: false, message: 'no questions found' };
  return { ok: true, questions };
}
