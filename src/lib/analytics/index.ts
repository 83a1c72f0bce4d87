/** Cohort analytics for the trainer dashboard: pure functions over plain rows (no database). */
export { assignmentProgress, completionStatus, COMPLETION_STATUSES } from './status.ts';
export type { AssignmentProgress, AttemptOutcome, CompletionStatus } from './status.ts';
export { completionSummary } from './completion.ts';
export type { CompletionSummary, LessonAverage, MatrixAssignment, MatrixAttempt, MatrixCell, MatrixLearner } from './completion.ts';
export { discriminationBand, itemAnalysis } from './items.ts';
export type { DiscriminationBand, ItemStatistics, Sitting, SittingAnswer, WrongAnswer } from './items.ts';
export { teamConcepts, weakestConcepts } from './concepts.ts';
export type { TeamConcept } from './concepts.ts';
export { BOM, toCsv } from './csv.ts';
export type { CsvCell } from './csv.ts';
