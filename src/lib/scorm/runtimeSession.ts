import type { PackageProgress } from './runtimeState.ts';

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
}

/** No LMS found: the page works on its own and keeps progress only while it is open. */
export function standaloneSession(packageMasteryPercent: number): LmsSession {
  return {
    kind: 'standalone',
    start: async () => null,
    masteryPercent: () => packageMasteryPercent,
    save: async () => {},
    finish: async () => {},
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
