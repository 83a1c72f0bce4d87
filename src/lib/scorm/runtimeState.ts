/**
 * The learner's state inside a package, the same whatever LMS runs it: which lessons are done,
 * where they were, and the best test result. It travels to the LMS as SCORM 1.2
 * `cmi.suspend_data` (at most 4096 characters) or a cmi5 state document, so it is written in a
 * compact text form and read back defensively: a damaged value starts fresh instead of breaking.
 */

/** SCORM 1.2 caps cmi.suspend_data at 4096 characters (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096;

export interface PackageProgress {
  /** Positions (0-based) of the lessons the learner finished, ascending. */
  done: number[];
  /** What is open: a lesson position, or the test. */
  location: { kind: 'lesson'; lesson: number; scroll: number } | { kind: 'test' } | { kind: 'home' };
  /** Best test score so far in percent (0..100), or null before the first test. */
  bestScore: number | null;
  /** Whether any test attempt reached the mastery score; once passed, stays passed. */
  passed: boolean;
  /** Test attempts graded so far. */
  attempts: number;
}

export function freshProgress(): PackageProgress {
  return { done: [], location: { kind: 'home' }, bestScore: null, passed: false, attempts: 0 };
}

/** SCORM 1.2 `cmi.core.lesson_status` values this package reports. */
export type LessonStatus = 'incomplete' | 'completed' | 'passed' | 'failed';

/**
 * Once tested, the test decides (passed sticks: a worse retake does not undo a pass); before
 * that, all lessons read means completed, anything less incomplete.
 */
export function lessonStatus(progress: PackageProgress, lessonCount: number): LessonStatus {
  if (progress.attempts > 0) return progress.passed ? 'passed' : 'failed';
  return progress.done.length >= lessonCount ? 'completed' : 'incomplete';
}

export function markLessonDone(progress: PackageProgress, lesson: number): PackageProgress {
  if (progress.done.includes(lesson)) return progress;
  return { ...progress, done: [...progress.done, lesson].sort((a, b) => a - b) };
}

/** Records a graded test: percent 0..100 against the mastery score in percent. */
export function recordTest(progress: PackageProgress, percent: number, masteryPercent: number): PackageProgress {
  const score = Math.max(0, Math.min(100, percent));
  return {
    ...progress,
    attempts: progress.attempts + 1,
    bestScore: progress.bestScore === null ? score : Math.max(progress.bestScore, score),
    // 1e-9: 4 of 5 questions is 80% and must pass an 80% mastery score despite rounding.
    passed: progress.passed || score >= masteryPercent - 1e-9,
  };
}

/** `cmi.core.lesson_location` (CMIString255): where a relaunch opens. */
export function locationText(progress: PackageProgress): string {
  const location = progress.location;
  if (location.kind === 'lesson') return `lesson:${location.lesson}`;
  return location.kind;
}

/**
 * `v1|d=0.1.3|l=L2@0.42|b=85|p=1|a=2`: version, lessons done, location (lesson and scroll share,
 * or T for the test), best score, passed, attempts. A few dozen characters even for a long module.
 */
export function encodeProgress(progress: PackageProgress): string {
  const location = progress.location;
  const where = location.kind === 'lesson' ? `L${location.lesson}@${Math.round(location.scroll * 1000) / 1000}` : location.kind === 'test' ? 'T' : 'H';
  const fields = [
    'v1',
    `d=${progress.done.join('.')}`,
    `l=${where}`,
    `b=${progress.bestScore === null ? '' : Math.round(progress.bestScore * 100) / 100}`,
    `p=${progress.passed ? 1 : 0}`,
    `a=${progress.attempts}`,
  ];
  const text = fields.join('|');
  if (text.length > SUSPEND_DATA_LIMIT) throw new RangeError(`suspend data is ${text.length} characters, over the SCORM 1.2 limit of ${SUSPEND_DATA_LIMIT}`);
  return text;
}

/** Reads what encodeProgress wrote; null for empty, foreign or damaged text (start fresh). */
export function decodeProgress(text: string, lessonCount: number): PackageProgress | null {
  const [version, ...pairs] = text.split('|');
  if (version !== 'v1') return null;
  const fields = new Map(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  const lessonIndex = (value: string) => (/^\d+$/.test(value) && Number(value) < lessonCount ? Number(value) : null);
  const doneText = fields.get('d');
  const done = doneText ? doneText.split('.').map(lessonIndex) : [];
  if (done.some((lesson) => lesson === null)) return null;
  const where = fields.get('l') ?? 'H';
  const lessonMatch = /^L(\d+)@([0-9.]+)$/.exec(where);
  let location: PackageProgress['location'];
  if (lessonMatch) {
    const lesson = lessonIndex(lessonMatch[1]!);
    const scroll = Number(lessonMatch[2]);
    if (lesson === null || !(scroll >= 0 && scroll <= 1)) return null;
    location = { kind: 'lesson', lesson, scroll };
  } else if (where === 'T') location = { kind: 'test' };
  else if (where === 'H') location = { kind: 'home' };
  else return null;
  const bestText = fields.get('b') ?? '';
  const bestScore = bestText === '' ? null : Number(bestText);
  if (bestScore !== null && !(bestScore >= 0 && bestScore <= 100)) return null;
  const attempts = Number(fields.get('a') ?? '0');
  if (!Number.isInteger(attempts) || attempts < 0) return null;
  return { done: [...new Set(done as number[])].sort((a, b) => a - b), location, bestScore, passed: fields.get('p') === '1', attempts };
}
