/**
 * Item analysis of an assigned test, question by question (classical test theory):
 * - facility: the mean share of points earned, 0..1 (the p-value; with partial credit, the mean
 *   score). Above 0.9 the question teaches little; below 0.3 it may be unclear or untaught.
 * - most chosen wrong answer: the answer given most often by those who did not earn full points,
 *   in the bank's terms (option ids), so the trainer sees which misconception to address.
 * - discrimination index D: facility among the upper third minus facility among the lower third,
 *   ranking sittings by their score on the OTHER questions (the corrected, "rest" score: with five
 *   questions an item would otherwise be a fifth of its own criterion). Ebel's guide: D >= 0.4
 *   very good, 0.3-0.39 good, 0.2-0.29 marginal, below 0.2 revise (Ebel & Frisbie, Essentials of Educational Measurement, 1991).
 * Questions are drawn at random from a bank, so each one is analysed over the sittings that
 * contained it. One sitting per learner is expected (the caller picks each learner's first).
 */
export interface SittingAnswer {
  questionId: string;
  concept: string;
  /** The answer in the bank's terms (`b`, `a,c`, `true`, `20000`), null when unanswered. */
  choice: string | null;
  /** Points earned / available, 0..1. */
  share: number;
}

export interface Sitting {
  learnerId: string;
  answers: SittingAnswer[];
}

export interface WrongAnswer {
  choice: string | null;
  /** How many of the sittings gave it, and their share of the wrong answers. */
  count: number;
  shareOfWrong: number;
}

export interface ItemStatistics {
  questionId: string;
  concept: string;
  /** Sittings that contained the question. */
  sittings: number;
  facility: number;
  /** Null when every answer earned full points. Unanswered counts as a wrong answer (choice null). */
  mostChosenWrong: WrongAnswer | null;
  /** Null with fewer than 3 sittings, or when every sitting scored the same on it (nothing to tell apart). */
  discrimination: number | null;
  /** Why discrimination is null: too few sittings, or no spread (all right or all wrong). */
  discriminationMissing: 'too-few' | 'no-spread' | null;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
const isFull = (share: number) => share >= 1 - 1e-9;

/** The most frequent choice among the wrong answers; ties go to the choice seen first. */
function mostChosenWrong(answers: readonly SittingAnswer[]): WrongAnswer | null {
  const wrong = answers.filter((answer) => !isFull(answer.share));
  if (!wrong.length) return null;
  const counts = new Map<string | null, number>();
  for (const answer of wrong) counts.set(answer.choice, (counts.get(answer.choice) ?? 0) + 1);
  let best: WrongAnswer | null = null;
  for (const [choice, count] of counts) if (!best || count > best.count) best = { choice, count, shareOfWrong: count / wrong.length };
  return best;
}

/** Upper third minus lower third, ranking by the rest score; ties keep the input order. */
function discrimination(entries: readonly { share: number; rest: number }[]): number | null {
  const third = Math.floor(entries.length / 3);
  if (third < 1) return null;
  const ranked = entries.slice().sort((a, b) => b.rest - a.rest);
  const upper = ranked.slice(0, third).map((entry) => entry.share);
  const lower = ranked.slice(-third).map((entry) => entry.share);
  return mean(upper) - mean(lower);
}

/** Statistics per question, in order of first appearance. */
export function itemAnalysis(sittings: readonly Sitting[]): ItemStatistics[] {
  const byQuestion = new Map<string, { concept: string; answers: SittingAnswer[]; entries: { share: number; rest: number }[] }>();
  for (const sitting of sittings) {
    const total = sitting.answers.reduce((sum, answer) => sum + answer.share, 0);
    for (const answer of sitting.answers) {
      const others = sitting.answers.length - 1;
      const rest = others > 0 ? (total - answer.share) / others : 0;
      const item = byQuestion.get(answer.questionId) ?? { concept: answer.concept, answers: [], entries: [] };
      item.answers.push(answer);
      item.entries.push({ share: answer.share, rest });
      byQuestion.set(answer.questionId, item);
    }
  }
  return [...byQuestion].map(([questionId, item]) => {
    const shares = item.answers.map((answer) => answer.share);
    const noSpread = shares.every((share) => Math.abs(share - (shares[0] as number)) < 1e-9);
    const d = noSpread ? null : discrimination(item.entries);
    return {
      questionId,
      concept: item.concept,
      sittings: item.answers.length,
      facility: mean(shares),
      mostChosenWrong: mostChosenWrong(item.answers),
      discrimination: d,
      discriminationMissing: d !== null ? null : item.answers.length < 3 ? 'too-few' : 'no-spread',
    };
  });
}

export type DiscriminationBand = 'very-good' | 'good' | 'marginal' | 'revise';

/** Ebel's bands for D. */
export function discriminationBand(d: number): DiscriminationBand {
  if (d >= 0.4 - 1e-9) return 'very-good';
  if (d >= 0.3 - 1e-9) return 'good';
  if (d >= 0.2 - 1e-9) return 'marginal';
  return 'revise';
}
