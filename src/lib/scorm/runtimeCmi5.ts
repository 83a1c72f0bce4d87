/**
 * The cmi5 adapter: xAPI statements about the AU, sent with the launch parameters the LMS puts
 * on the launch URL (cmi5 spec 8.1). The LMS sends `launched`; the AU sends `initialized`, then
 * `completed` once (all lessons read), `passed` once or `failed` (each graded test until passed),
 * and `terminated`. Transport is injected, so this file stays pure and testable.
 */
import type { LaunchMode, LmsSession } from './runtimeSession.ts';
import { isoDuration, safeReturnUrl } from './runtimeSession.ts';
import { decodeProgress, encodeProgress, type PackageProgress } from './runtimeState.ts';

export const XAPI_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type Cmi5Verb = keyof typeof XAPI_VERBS;

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
/** The AU's own state document, beside the LMS's `LMS.LaunchData`. */
export const PROGRESS_STATE_ID = 'ltv-dojo-progress';

export interface Cmi5LaunchParameters {
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

/** The five launch parameters from the launch URL's query; an error names the missing or bad one. */
export function parseCmi5Launch(search: string): Cmi5LaunchParameters | { error: string } {
  const query = new URLSearchParams(search);
  const missing = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].filter((name) => !query.get(name));
  if (missing.length === 5) return { error: 'not launched by a cmi5 LMS (no launch parameters)' };
  if (missing.length > 0) return { error: `cmi5 launch parameter missing: ${missing.join(', ')}` };
  let actor: unknown;
  try {
    actor = JSON.parse(query.get('actor')!);
  } catch {
    return { error: 'cmi5 launch parameter actor: not JSON' };
  }
  if (typeof actor !== 'object' || actor === null) return { error: 'cmi5 launch parameter actor: not an object' };
  return {
    endpoint: query.get('endpoint')!.replace(/\/?$/, '/'),
    fetch: query.get('fetch')!,
    actor: actor as Record<string, unknown>,
    registration: query.get('registration')!,
    activityId: query.get('activityId')!,
  };
}

/** What the LMS says in its `LMS.LaunchData` state document (cmi5 spec 10.2.1). */
export interface Cmi5LaunchData {
  contextTemplate?: { contextActivities?: Record<string, unknown[]>; extensions?: Record<string, unknown> };
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

export interface StatementInput {
  verb: Cmi5Verb;
  id: string;
  timestamp: string;
  launch: Cmi5LaunchParameters;
  launchData: Cmi5LaunchData;
  /** Milliseconds since initialized (required on completed, passed, failed, terminated). */
  durationMs?: number;
  /** 0..1 (passed and failed). */
  scaledScore?: number;
  masteryScore?: number;
}

/** One cmi5-defined statement: the LMS's context template plus the cmi5 category (and moveon where it counts). */
export function cmi5Statement(input: StatementInput): Record<string, unknown> {
  const template = input.launchData.contextTemplate ?? {};
  const contextActivities = { ...(template.contextActivities ?? {}) };
  const categories = [...((contextActivities.category as { id: string }[] | undefined) ?? [])];
  const add = (id: string) => {
    if (!categories.some((category) => category.id === id)) categories.push({ id });
  };
  add(CMI5_CATEGORY);
  if (input.verb === 'completed' || input.verb === 'passed' || input.verb === 'failed') add(MOVEON_CATEGORY);
  contextActivities.category = categories;
  const extensions = { ...(template.extensions ?? {}) };
  if ((input.verb === 'passed' || input.verb === 'failed') && input.masteryScore !== undefined) extensions[MASTERY_EXTENSION] = input.masteryScore;
  const result: Record<string, unknown> = {};
  if (input.verb === 'completed') result.completion = true;
  if (input.verb === 'passed' || input.verb === 'failed') {
    result.success = input.verb === 'passed';
    if (input.scaledScore !== undefined) result.score = { scaled: Math.round(input.scaledScore * 10000) / 10000 };
  }
  if (input.durationMs !== undefined && input.verb !== 'initialized') result.duration = isoDuration(input.durationMs);
  return {
    id: input.id,
    timestamp: input.timestamp,
    actor: input.launch.actor,
    verb: { id: XAPI_VERBS[input.verb], display: { 'en-US': input.verb } },
    object: { id: input.launch.activityId, objectType: 'Activity' },
    context: { registration: input.launch.registration, contextActivities, extensions },
    ...(Object.keys(result).length ? { result } : {}),
  };
}

/** The LRS calls the adapter needs; the browser implements them with fetch (src/scorm-runtime). */
export interface Cmi5Transport {
  /** POSTs to the fetch URL once and keeps the auth token for the other calls. */
  authenticate(): Promise<void>;
  getState(stateId: string): Promise<unknown>;
  putState(stateId: string, body: unknown): Promise<void>;
  sendStatement(statement: Record<string, unknown>): Promise<void>;
}

export interface Cmi5Options {
  lessonCount: number;
  masteryPercent: number;
  /** The page's address, against which a relative returnURL is resolved. */
  pageUrl?: string;
  now?: () => number;
  newId?: () => string;
}

export function cmi5Session(launch: Cmi5LaunchParameters, transport: Cmi5Transport, options: Cmi5Options): LmsSession {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  let launchData: Cmi5LaunchData = {};
  let startedAt = now();
  let sentCompleted = false;
  let sentPassed = false;
  let reportedAttempts = 0;
  let open = false;
  let mastery = options.masteryPercent;
  let mode: LaunchMode = 'normal';
  let returnUrl: string | null = null;
  const send = (verb: Cmi5Verb, extra: Partial<StatementInput> = {}) =>
    transport.sendStatement(
      cmi5Statement({ verb, id: newId(), timestamp: new Date(now()).toISOString(), launch, launchData, durationMs: now() - startedAt, ...extra }),
    );
  /**
   * Starts every request the progress calls for, without waiting between them: on page unload
   * only requests already started (keepalive) get out, so nothing may wait for a response first.
   * The flags are set as the statements go out, and saved with them.
   */
  const report = (progress: PackageProgress): Promise<void>[] => {
    const pending: Promise<void>[] = [];
    // cmi5 10.2.1: in Browse and Review the AU sends no completed, passed or failed; progress is still kept.
    const assessed = mode === 'normal';
    if (assessed && !sentCompleted && progress.done.length >= options.lessonCount) {
      sentCompleted = true;
      pending.push(send('completed'));
    }
    // cmi5 9.3: after passed, no more passed or failed in this registration; failed may repeat.
    if (assessed && progress.attempts > reportedAttempts && !sentPassed && progress.bestScore !== null) {
      reportedAttempts = progress.attempts;
      const extra = { scaledScore: progress.bestScore / 100, masteryScore: mastery / 100 };
      if (progress.passed) sentPassed = true;
      pending.push(send(progress.passed ? 'passed' : 'failed', extra));
    }
    pending.push(transport.putState(PROGRESS_STATE_ID, { progress: encodeProgress(progress), sentCompleted, sentPassed, reportedAttempts }));
    return pending;
  };
  return {
    kind: 'cmi5',
    async start() {
      await transport.authenticate();
      launchData = ((await transport.getState('LMS.LaunchData')) ?? {}) as Cmi5LaunchData;
      if (typeof launchData.masteryScore === 'number') mastery = launchData.masteryScore * 100;
      if (launchData.launchMode === 'Browse' || launchData.launchMode === 'Review') mode = launchData.launchMode === 'Browse' ? 'browse' : 'review';
      returnUrl = safeReturnUrl(launchData.returnURL, options.pageUrl ?? launch.endpoint);
      const saved = (await transport.getState(PROGRESS_STATE_ID)) as
        | { progress?: string; sentCompleted?: boolean; sentPassed?: boolean; reportedAttempts?: number }
        | null;
      sentCompleted = saved?.sentCompleted === true;
      sentPassed = saved?.sentPassed === true;
      reportedAttempts = typeof saved?.reportedAttempts === 'number' ? saved.reportedAttempts : 0;
      startedAt = now();
      open = true;
      await send('initialized');
      return typeof saved?.progress === 'string' ? decodeProgress(saved.progress, options.lessonCount) : null;
    },
    masteryPercent: () => mastery,
    mode: () => mode,
    returnUrl: () => returnUrl,
    async save(progress) {
      if (open) await Promise.all(report(progress));
    },
    async finish(progress) {
      if (!open) return;
      open = false;
      await Promise.all([...report(progress), send('terminated')]);
    },
  };
}
