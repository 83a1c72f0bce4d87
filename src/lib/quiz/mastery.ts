/**
 * Mastery per concept, from the attempt history. Only recent answers count (a concept once known
 * but now missed is not mastered), and "mastered" needs repeated evidence, not one lucky answer.
 * Concepts are tags shared by the questions of a bank (and may be shared across lessons).
 */
import { type AttemptRecord, isFullCredit, timedAnswers } from './history.ts';

export type MasteryLevel = 'not-started' | 'learning' | 'familiar' | 'mastered';

/**
 * The thresholds, on the mean share of points over the last `window` answers of the concept:
 * - not started: no answer yet;
 * - learning: answered, mean below 60%;
 * - familiar: mean 60% or more;
 * - mastered: at least 3 answers in the window, mean 85% or more, and the latest answer fully right.
 * Attempts draw one question per concept, so mastery takes about three attempts; with the review
 * queue's spacing those attempts are days apart, which is what makes "mastered" mean something.
 */
export const MASTERY_RULES = { window: 5, familiarShare: 0.6, masteredShare: 0.85, masteredMinAnswers: 3 } as const;

export interface ConceptMastery {
  concept: string;
  level: MasteryLevel;
  /** Answers ever given on the concept. */
  answers: number;
  /** Mean share of points over the recent window, 0..1; null before the first answer. */
  recentShare: number | null;
  /** When the concept was last answered (ISO); null before the first answer. */
  lastAnsweredAt: string | null;
}

/** The level from the concept's shares of points, oldest first. */
export function masteryLevel(shares: readonly number[]): MasteryLevel {
  if (shares.length === 0) return 'not-started';
  const recent = shares.slice(-MASTERY_RULES.window);
  const mean = recent.reduce((sum, share) => sum + share, 0) / recent.length;
  const latest = recent[recent.length - 1] as number;
  if (recent.length >= MASTERY_RULES.masteredMinAnswers && mean >= MASTERY_RULES.masteredShare - 1e-9 && isFullCredit(latest)) {
    return 'mastered';
  }
  return mean >= MASTERY_RULES.familiarShare - 1e-9 ? 'familiar' : 'learning';
}

export interface MasteryOptions {
  /** Concepts to report even when not started (a bank's concepts), in this order; others follow. */
  concepts?: readonly string[];
  /** Count only answers of this lesson's attempts. */
  lesson?: string;
}

/** Mastery of every concept in the history (and of the listed ones), listed concepts first. */
export function conceptMastery(history: readonly AttemptRecord[], options: MasteryOptions = {}): ConceptMastery[] {
  const byConcept = new Map<string, { shares: number[]; last: number }>();
  for (const concept of options.concepts ?? []) byConcept.set(concept, { shares: [], last: NaN });
  for (const answer of timedAnswers(history)) {
    if (options.lesson !== undefined && answer.lesson !== options.lesson) continue;
    const entry = byConcept.get(answer.concept) ?? { shares: [], last: NaN };
    entry.shares.push(answer.share);
    entry.last = answer.at;
    byConcept.set(answer.concept, entry);
  }
  return [...byConcept].map(([concept, { shares, last }]) => {
    const recent = shares.slice(-MASTERY_RULES.window);
    return {
      concept,
      level: masteryLevel(shares),
      answers: shares.length,
      recentShare: recent.length ? recent.reduce((sum, share) => sum + share, 0) / recent.length : null,
      lastAnsweredAt: Number.isNaN(last) ? null : new Date(last).toISOString(),
    };
  });
}
