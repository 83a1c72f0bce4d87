import { describe, expect, it } from 'vitest';
import { cmi5Session, parseCmi5Launch, PROGRESS_STATE_ID, XAPI_VERBS, type Cmi5LaunchParameters, type Cmi5Transport } from '../../../src/lib/scorm/runtimeCmi5.ts';
import { isoDuration, safeReturnUrl } from '../../../src/lib/scorm/runtimeSession.ts';
import { freshProgress, markLessonDone, recordTest } from '../../../src/lib/scorm/runtimeState.ts';

const actor = { objectType: 'Agent', name: '佐藤', account: { homePage: 'urn:lms', name: 'u1' } };
const launchQuery = new URLSearchParams({
  endpoint: 'http://lms.test/xapi',
  fetch: 'http://lms.test/fetch?k=1',
  actor: JSON.stringify(actor),
  registration: 'reg-1',
  activityId: 'urn:ltv-dojo:au:ltv-selling:ja',
}).toString();

describe('parseCmi5Launch', () => {
  it('reads the five parameters, endpoint with a trailing slash', () => {
    expect(parseCmi5Launch(`?${launchQuery}`)).toEqual({
      endpoint: 'http://lms.test/xapi/',
      fetch: 'http://lms.test/fetch?k=1',
      actor,
      registration: 'reg-1',
      activityId: 'urn:ltv-dojo:au:ltv-selling:ja',
    });
  });

  it.each([
    ['no parameters', '', 'not launched by a cmi5 LMS'],
    ['no registration', launchQuery.replace(/registration=[^&]*&?/, ''), 'missing: registration'],
    ['an actor that is not JSON', launchQuery.replace(/actor=[^&]*/, 'actor=bob'), 'actor: not JSON'],
  ])('%s → %s', (_case, query, error) => {
    expect(parseCmi5Launch(query)).toEqual({ error: expect.stringContaining(error) });
  });
});

function fakeLrs(launchData: unknown = { contextTemplate: { contextActivities: { grouping: [{ id: 'urn:course' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's1' } }, masteryScore: 0.8 }) {
  const state = new Map<string, unknown>([['LMS.LaunchData', launchData]]);
  const statements: Record<string, any>[] = [];
  const log: string[] = [];
  const transport: Cmi5Transport = {
    authenticate: async () => void log.push('auth'),
    getState: async (id) => state.get(id) ?? null,
    putState: async (id, body) => void state.set(id, body),
    sendStatement: async (statement) => void statements.push(statement),
  };
  return { transport, state, statements, log };
}

describe('cmi5Session', () => {
  let clock = 1_000;
  let ids = 0;
  const launch = parseCmi5Launch(launchQuery) as Cmi5LaunchParameters;
  const options = { lessonCount: 2, masteryPercent: 70, now: () => clock, newId: () => `id-${++ids}` };
  const verbs = (statements: Record<string, any>[]) => statements.map((statement) => statement.verb.id);

  it('authenticates, reads LMS.LaunchData, sends initialized with the context template', async () => {
    const lrs = fakeLrs();
    const session = cmi5Session(launch, lrs.transport, options);
    expect(await session.start()).toBeNull();
    expect(lrs.log).toEqual(['auth']);
    expect(session.masteryPercent()).toBe(80);
    const [initialized] = lrs.statements;
    expect(initialized!.verb.id).toBe(XAPI_VERBS.initialized);
    expect(initialized!.actor).toEqual(actor);
    expect(initialized!.object.id).toBe(launch.activityId);
    expect(initialized!.context.registration).toBe('reg-1');
    expect(initialized!.context.contextActivities.grouping).toEqual([{ id: 'urn:course' }]);
    expect(initialized!.context.contextActivities.category).toEqual([{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }]);
    expect(initialized!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('s1');
    expect(initialized!.result).toBeUndefined();
  });

  it('sends completed once, failed per failing test, passed once, then terminated', async () => {
    const lrs = fakeLrs();
    const session = cmi5Session(launch, lrs.transport, options);
    await session.start();
    let progress = markLessonDone(markLessonDone(freshProgress(), 0), 1);
    await session.save(progress);
    await session.save(progress);
    progress = recordTest(progress, 40, 80);
    await session.save(progress);
    progress = recordTest(progress, 100, 80);
    await session.save(progress);
    progress = recordTest(progress, 20, 80);
    clock += 65_000;
    await session.finish(progress);
    expect(verbs(lrs.statements)).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.completed, XAPI_VERBS.failed, XAPI_VERBS.passed, XAPI_VERBS.terminated]);
    const [, completed, failed, passed, terminated] = lrs.statements;
    expect(completed!.result).toEqual({ completion: true, duration: 'PT0.00S' });
    expect(failed!.result).toMatchObject({ success: false, score: { scaled: 0.4 } });
    expect(passed!.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(passed!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8);
    expect(passed!.context.contextActivities.category.map((c: { id: string }) => c.id)).toContain('https://w3id.org/xapi/cmi5/context/categories/moveon');
    expect(terminated!.result).toEqual({ duration: 'PT65.00S' });
    expect(new Set(lrs.statements.map((statement) => statement.id)).size).toBe(5);
  });

  it('restores progress from its state document and does not resend completed or passed', async () => {
    const lrs = fakeLrs();
    const first = cmi5Session(launch, lrs.transport, options);
    await first.start();
    const progress = recordTest(markLessonDone(markLessonDone(freshProgress(), 0), 1), 90, 80);
    await first.finish(progress);
    expect(lrs.state.get(PROGRESS_STATE_ID)).toBeTruthy();
    const second = cmi5Session(launch, lrs.transport, options);
    const restored = await second.start();
    expect(restored).toEqual(progress);
    await second.finish(restored!);
    expect(verbs(lrs.statements.slice(-2))).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.terminated]);
  });
});

describe('cmi5Session launch modes and return address', () => {
  const launch = parseCmi5Launch(launchQuery) as Cmi5LaunchParameters;
  let ids = 0;
  const options = { lessonCount: 1, masteryPercent: 70, now: () => 0, newId: () => `m-${++ids}`, pageUrl: 'http://lms.test/content/au/index.html?x=1' };
  const verbs = (statements: Record<string, any>[]) => statements.map((statement) => statement.verb.display['en-US']);

  it.each([
    ['Browse', 'browse'],
    ['Review', 'review'],
  ] as const)('%s: sends initialized and terminated only, and still keeps the learner’s place', async (launchMode, mode) => {
    const lrs = fakeLrs({ launchMode, masteryScore: 0.8 });
    const session = cmi5Session(launch, lrs.transport, options);
    await session.start();
    expect(session.mode()).toBe(mode);
    const progress = recordTest(markLessonDone(freshProgress(), 0), 100, 80);
    await session.save(progress);
    await session.finish(progress);
    expect(verbs(lrs.statements)).toEqual(['initialized', 'terminated']);
    expect(lrs.state.get(PROGRESS_STATE_ID)).toMatchObject({ sentCompleted: false, sentPassed: false });
  });

  it('Normal (or no launchMode): completed and passed as usual', async () => {
    const lrs = fakeLrs({ launchMode: 'Normal', masteryScore: 0.8 });
    const session = cmi5Session(launch, lrs.transport, options);
    await session.start();
    expect(session.mode()).toBe('normal');
    await session.finish(recordTest(markLessonDone(freshProgress(), 0), 100, 80));
    expect(verbs(lrs.statements)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
  });

  it.each([
    ['an absolute https address', 'https://lms.example/course/42', 'https://lms.example/course/42'],
    ['a path, resolved against the page', '/course/42?done=1', 'http://lms.test/course/42?done=1'],
    ['a javascript: address', 'javascript:alert(1)', null],
    ['a data: address', 'data:text/html,<script>alert(1)</script>', null],
    ['an empty string', '  ', null],
    ['no returnURL', undefined, null],
  ])('returnURL as %s → %s', async (_case, returnURL, expected) => {
    const session = cmi5Session(launch, fakeLrs({ returnURL }).transport, options);
    await session.start();
    expect(session.returnUrl()).toBe(expected);
  });
});

describe('safeReturnUrl', () => {
  it.each([
    [42, null],
    ['http://[broken', null],
    ['HTTPS://LMS.EXAMPLE/a', 'https://lms.example/a'],
    ['  java\tscript:alert(1)', null],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnUrl(value, 'http://lms.test/')).toBe(expected);
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0.00S'],
    [1234, 'PT1.23S'],
    [3_600_000, 'PT3600.00S'],
    [-5, 'PT0.00S'],
  ])('%d ms → %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
  });
});
