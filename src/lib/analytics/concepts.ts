/**
 * The team's weakest concepts: each learner's recent share of points per concept (the quiz
 * engine's mastery window, so an old miss since corrected does not count), averaged over the
 * learners who answered the concept. The lowest averages are what the trainer should revisit.
 */
import { conceptMastery } from '../quiz/mastery.ts';
import type { AttemptRecord } from '../quiz/recordSchema.ts';

export interface TeamConcept {
  concept: string;
  /** Mean of the learners' recent shares, 0..1. */
  meanShare: number;
  /** Learners who answered the concept at least once. */
  learners: number;
  /** Of those, learners still at the 'learning' level (recent share below 60%). */
  struggling: number;
}

/** Concepts ordered weakest first (ties: more strugglers first, then name); `histories` has one entry per learner. */
export function teamConcepts(histories: readonly (readonly AttemptRecord[])[]): TeamConcept[] {
  const byConcept = new Map<string, { shares: number[]; struggling: number }>();
  for (const history of histories) {
    for (const mastery of conceptMastery(history)) {
      if (mastery.recentShare === null) continue;
      const entry = byConcept.get(mastery.concept) ?? { shares: [], struggling: 0 };
      entry.shares.push(mastery.recentShare);
      if (mastery.level === 'learning') entry.struggling++;
      byConcept.set(mastery.concept, entry);
    }
  }
  return [...byConcept]
    .map(([concept, { shares, struggling }]) => ({
      concept,
      meanShare: shares.reduce((sum, share) => sum + share, 0) / shares.length,
      learners: shares.length,
      struggling,
    }))
    .sort((a, b) => a.meanShare - b.meanShare || b.struggling - a.struggling || a.concept.localeCompare(b.concept));
}

/** The weakest `limit` concepts that anybody is still struggling with or that average below `below`. */
export function weakestConcepts(histories: readonly (readonly AttemptRecord[])[], limit = 3, below = 0.8): TeamConcept[] {
  return teamConcepts(histories)
    .filter((concept) => concept.meanShare < below || concept.struggling > 0)
    .slice(0, limit);
}
