/**
 * The learner's answer while it is being given, per question type, and what is sent for grading.
 * Shapes follow LearnerQuestion: a display position (single, scenario), positions (multiple, and
 * ordering in the learner's order), a boolean (true-false), the typed text (numeric, calculated).
 */
import type { LearnerQuestion } from '../view.ts';

export type DraftResponse = number | number[] | boolean | string;
export type DraftResponses = Readonly<Record<string, DraftResponse>>;

/** The steps as shown, before the learner moves any. */
export function shownOrder(question: LearnerQuestion): number[] {
  return (question.steps ?? []).map((_, index) => index);
}

/** The learner's order of an ordering question (the shown order until a step is moved). */
export function currentOrder(question: LearnerQuestion, response: DraftResponse | undefined): number[] {
  const shown = shownOrder(question);
  return Array.isArray(response) && response.length === shown.length && shown.every((index) => response.includes(index)) ? response : shown;
}

/** Whether the question has an answer to grade. An ordering question always has one: the order on screen. */
export function isAnswered(question: LearnerQuestion, response: DraftResponse | undefined): boolean {
  switch (question.type) {
    case 'single':
    case 'scenario':
      return typeof response === 'number';
    case 'multiple':
      return Array.isArray(response) && response.length > 0;
    case 'true-false':
      return typeof response === 'boolean';
    case 'numeric':
    case 'calculated':
      return typeof response === 'string' && response.trim() !== '';
    case 'ordering':
      return true;
  }
}

/** The response to send: unanswered questions are left out (they score 0); ordering sends the order on screen. */
export function responseToSend(question: LearnerQuestion, response: DraftResponse | undefined): DraftResponse | undefined {
  if (question.type === 'ordering') return currentOrder(question, response);
  return isAnswered(question, response) ? response : undefined;
}

/** Every answered question's response, by id, for /api/quiz/grade. */
export function responsesToSend(questions: readonly LearnerQuestion[], responses: DraftResponses): Record<string, DraftResponse> {
  const sent: Record<string, DraftResponse> = {};
  for (const question of questions) {
    const response = responseToSend(question, responses[question.id]);
    if (response !== undefined) sent[question.id] = response;
  }
  return sent;
}

/** Multiple select: the selection with `position` added or removed, kept sorted. */
export function toggleChoice(response: DraftResponse | undefined, position: number): number[] {
  const chosen = Array.isArray(response) ? response : [];
  const next = chosen.includes(position) ? chosen.filter((item) => item !== position) : [...chosen, position];
  return next.sort((a, b) => a - b);
}

/** The order with the step at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveStep(order: readonly number[], index: number, delta: -1 | 1): number[] {
  const target = index + delta;
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return order.slice();
  const next = order.slice();
  [next[index], next[target]] = [next[target] as number, next[index] as number];
  return next;
}

/** Questions still without an answer, for the "submit anyway?" prompt. */
export function unansweredCount(questions: readonly LearnerQuestion[], responses: DraftResponses): number {
  return questions.filter((question) => !isAnswered(question, responses[question.id])).length;
}
