/**
 * The SCORM 1.2 adapter: the LMS's run-time API (the `API` object an LMS puts on a parent
 * window), called in the order the SCORM 1.2 Run-Time Environment expects.
 */
import type { LaunchMode, LmsSession } from './runtimeSession.ts';
import { scormTimespan } from './runtimeSession.ts';
import { decodeProgress, encodeProgress, lessonStatus, locationText, type PackageProgress } from './runtimeState.ts';

/** The SCORM 1.2 API object; every function returns a string ('true'/'false' or the value). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString?(code: string): string;
}

/** Enough of a window to walk frames: ADL's search needs only these links. */
export interface FrameLike {
  API?: unknown;
  parent?: FrameLike | null;
  opener?: FrameLike | null;
}

function isScorm12Api(value: unknown): value is Scorm12Api {
  return typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function';
}

/**
 * ADL's API discovery (SCORM 1.2 RTE 3.3.6.1): this window, then up the parent chain (at most 7
 * levels, as the ADL sample does, so a cross-frame loop cannot hang), then the opener's chain.
 * A cross-origin frame throws on access: that ends the walk of that chain.
 */
export function findScorm12Api(start: FrameLike, maxDepth = 7): Scorm12Api | null {
  const walk = (first: FrameLike | null | undefined): Scorm12Api | null => {
    let frame = first;
    for (let depth = 0; frame && depth <= maxDepth; depth++) {
      try {
        if (isScorm12Api(frame.API)) return frame.API;
        if (!frame.parent || frame.parent === frame) return null;
        frame = frame.parent;
      } catch {
        return null;
      }
    }
    return null;
  };
  let opener: FrameLike | null | undefined;
  try {
    opener = start.opener;
  } catch {
    opener = null;
  }
  return walk(start) ?? walk(opener);
}

export interface Scorm12Options {
  lessonCount: number;
  /** The package's mastery score in percent, used when the LMS gives none. */
  masteryPercent: number;
  /** Milliseconds since some origin; injected so tests control session time. */
  now?: () => number;
}

export function scorm12Session(api: Scorm12Api, options: Scorm12Options): LmsSession {
  const now = options.now ?? (() => Date.now());
  let startedAt = now();
  let mastery = options.masteryPercent;
  let mode: LaunchMode = 'normal';
  let open = false;
  const set = (element: string, value: string) => {
    if (api.LMSSetValue(element, value) !== 'true') {
      // A refused value is reported, not thrown: the learner's page must keep working.
      console.warn(`LMSSetValue(${element}) refused: error ${api.LMSGetLastError()}`);
    }
  };
  const write = (progress: PackageProgress) => {
    set('cmi.core.lesson_location', locationText(progress));
    set('cmi.suspend_data', encodeProgress(progress));
    // Browsing or reviewing is not an attempt: the status and score the LMS holds stay as they are.
    if (mode !== 'normal') return;
    set('cmi.core.lesson_status', lessonStatus(progress, options.lessonCount));
    if (progress.bestScore !== null) {
      // min and max before raw: some LMSs check raw against the range they already hold.
      set('cmi.core.score.min', '0');
      set('cmi.core.score.max', '100');
      set('cmi.core.score.raw', String(Math.round(progress.bestScore * 100) / 100));
    }
  };
  return {
    kind: 'scorm12',
    async start() {
      if (api.LMSInitialize('') !== 'true') throw new Error(`LMSInitialize failed: error ${api.LMSGetLastError()}`);
      open = true;
      startedAt = now();
      const lmsMastery = Number.parseFloat(api.LMSGetValue('cmi.student_data.mastery_score'));
      if (Number.isFinite(lmsMastery) && lmsMastery >= 0 && lmsMastery <= 100) mastery = lmsMastery;
      const lessonMode = api.LMSGetValue('cmi.core.lesson_mode');
      if (lessonMode === 'browse' || lessonMode === 'review') mode = lessonMode;
      const saved = decodeProgress(api.LMSGetValue('cmi.suspend_data') ?? '', options.lessonCount);
      if (mode === 'normal' && api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
        set('cmi.core.lesson_status', 'incomplete');
        api.LMSCommit('');
      }
      return saved;
    },
    masteryPercent: () => mastery,
    mode: () => mode,
    returnUrl: () => null,
    async save(progress) {
      if (!open) return;
      write(progress);
      api.LMSCommit('');
    },
    async finish(progress) {
      if (!open) return;
      write(progress);
      set('cmi.core.session_time', scormTimespan(now() - startedAt));
      // suspend: the LMS keeps suspend_data and offers it again on the next launch.
      set('cmi.core.exit', 'suspend');
      api.LMSCommit('');
      api.LMSFinish('');
      open = false;
    },
  };
}
