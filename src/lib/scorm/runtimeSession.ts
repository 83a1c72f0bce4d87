import type { PackageProgress } from './runtimeState.ts';

/**
 * How the LMS opened the content. In `browse` and `review` the learner looks without being
 * assessed: cmi5 forbids completed, passed and failed statements then (cmi5 10.2.1), and a SCORM
 * 1.2 LMS keeps the status it has (cmi.core.lesson_mode).
 */
export type LaunchMode = 'normal' | 'browse' | 'review';

/**
 * What the package's pages need from an LMS, whatever the standard: the content calls these and
 * never a SCORM or xAPI function, so the same pages serve SCORM 1.2, cmi5 and standalone.
 */
export interface LmsSession {
  /** Which adapter is talking, for the page's status line. */
  readonly kind: 'scorm12' | 'cmi5' | 'standalone';
  /** Opens the session; the saved progress, or null for a first launch. */
  start(): Promise<PackageProgress | null>;
  /** The mastery score in percent the LMS asks for, else the package's own. */
  masteryPercent(): number;
  /** Stores progress and reports status and score; called after every change. */
  save(progress: PackageProgress): Promise<void>;
  /** Ends the session (page unload or the learner leaving). */
  finish(progress: PackageProgress): Promise<void>;
  /** How the LMS launched the content (known after `start`). */
  mode(): LaunchMode;
  /** Where the learner goes when leaving (cmi5 returnURL); null where the LMS manages the window. */
  returnUrl(): string | null;
}

/**
 * A return address from the LMS, resolved against the page, if it is a web address: an LMS's
 * launch data is input like any other, and a `javascript:` URL must not run in the package.
 */
export function safeReturnUrl(value: unknown, base: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** No LMS found: the page works on its own and keeps progress only while it is open. */
export function standaloneSession(packageMasteryPercent: number): LmsSession {
  return {
    kind: 'standalone',
    start: async () => null,
    masteryPercent: () => packageMasteryPercent,
    save: async () => {},
    finish: async () => {},
    mode: () => 'normal',
    returnUrl: () => null,
  };
}

/** `HHHH:MM:SS.SS`, SCORM 1.2's CMITimespan (cmi.core.session_time). */
export function scormTimespan(milliseconds: number): string {
  const totalCentis = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(totalCentis / 360000);
  const minutes = Math.floor((totalCentis % 360000) / 6000);
  const seconds = (totalCentis % 6000) / 100;
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** ISO 8601 duration for xAPI `result.duration`, to the centisecond. */
export function isoDuration(milliseconds: number): string {
  return `PT${(Math.max(0, Math.round(milliseconds / 10)) / 100).toFixed(2)}S`;
}
