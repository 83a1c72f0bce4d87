import { describe, expect, it } from 'vitest';
import { findScorm12Api, scorm12Session, type FrameLike, type Scorm12Api } from '../../../src/lib/scorm/runtimeScorm12.ts';
import { scormTimespan } from '../../../src/lib/scorm/runtimeSession.ts';
import { freshProgress, markLessonDone, recordTest } from '../../../src/lib/scorm/runtimeState.ts';

/** An LMS's API in memory: records every call, refuses writes to read-only elements like a real one. */
function fakeApi(initial: Record<string, string> = {}) {
  const data: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '', ...initial };
  const calls: string[] = [];
  const api: Scorm12Api = {
    LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
    LMSFinish: () => (calls.push('LMSFinish'), 'true'),
    LMSCommit: () => (calls.push('LMSCommit'), 'true'),
    LMSGetLastError: () => '0',
    LMSGetValue: (element) => data[element] ?? '',
    LMSSetValue: (element, value) => {
      calls.push(`set ${element}=${value}`);
      if (element === 'cmi.student_data.mastery_score') return 'false';
      data[element] = value;
      return 'true';
    },
  };
  return { api, data, calls };
}

describe('findScorm12Api', () => {
  const api = fakeApi().api;
  it('finds the API on a parent two frames up', () => {
    const top: FrameLike = { API: api };
    top.parent = top;
    const middle: FrameLike = { parent: top };
    const sco: FrameLike = { parent: middle };
    expect(findScorm12Api(sco)).toBe(api);
  });

  it("falls back to the opener's chain (LMS opened the SCO in a new window)", () => {
    const lms: FrameLike = { API: api };
    const popup: FrameLike = { opener: lms };
    popup.parent = popup;
    expect(findScorm12Api(popup)).toBe(api);
  });

  it('gives up after 7 levels and on cross-origin frames, returning null (standalone)', () => {
    let frame: FrameLike = { API: api };
    for (let i = 0; i < 9; i++) frame = { parent: frame };
    expect(findScorm12Api(frame)).toBeNull();
    const crossOrigin = {
      get parent(): FrameLike {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    };
    expect(findScorm12Api(crossOrigin)).toBeNull();
  });

  it('ignores a non-API value named API', () => {
    const top: FrameLike = { API: { version: '1' } };
    expect(findScorm12Api({ parent: top })).toBeNull();
  });
});

describe('scorm12Session', () => {
  let clock = 0;
  const options = { lessonCount: 2, masteryPercent: 80, now: () => clock };

  it('initializes, marks a first attempt incomplete and restores nothing', async () => {
    const { api, data, calls } = fakeApi();
    const session = scorm12Session(api, options);
    expect(await session.start()).toBeNull();
    expect(calls[0]).toBe('LMSInitialize');
    expect(data['cmi.core.lesson_status']).toBe('incomplete');
    expect(session.masteryPercent()).toBe(80);
  });

  it('restores suspend data and takes the mastery score the LMS gives', async () => {
    const { api } = fakeApi({ 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': 'v1|d=0|l=L1@0.5|b=|p=0|a=0', 'cmi.student_data.mastery_score': '70' });
    const session = scorm12Session(api, options);
    expect(await session.start()).toEqual({ done: [0], location: { kind: 'lesson', lesson: 1, scroll: 0.5 }, bestScore: null, passed: false, attempts: 0 });
    expect(session.masteryPercent()).toBe(70);
  });

  it.each([
    ['one lesson read', markLessonDone(freshProgress(), 0), 'incomplete', undefined],
    ['both read', markLessonDone(markLessonDone(freshProgress(), 0), 1), 'completed', undefined],
    ['test at 60%', recordTest(freshProgress(), 60, 80), 'failed', '60'],
    ['test at 80%', recordTest(freshProgress(), 80, 80), 'passed', '80'],
  ])('save with %s: status %s, score %s, committed', async (_case, progress, status, raw) => {
    const { api, data, calls } = fakeApi();
    const session = scorm12Session(api, options);
    await session.start();
    await session.save({ ...progress, location: { kind: 'test' } });
    expect(data['cmi.core.lesson_status']).toBe(status);
    expect(data['cmi.core.score.raw']).toBe(raw);
    if (raw) expect([data['cmi.core.score.min'], data['cmi.core.score.max']]).toEqual(['0', '100']);
    expect(data['cmi.core.lesson_location']).toBe('test');
    expect(data['cmi.suspend_data']).toMatch(/^v1\|/);
    expect(calls.at(-1)).toBe('LMSCommit');
  });

  it('finish writes session time and exit=suspend, commits, then LMSFinish once', async () => {
    const { api, data, calls } = fakeApi();
    clock = 0;
    const session = scorm12Session(api, options);
    await session.start();
    clock = 3_723_450; // 1 h 2 min 3.45 s
    await session.finish(freshProgress());
    await session.finish(freshProgress());
    expect(data['cmi.core.session_time']).toBe('0001:02:03.45');
    expect(data['cmi.core.exit']).toBe('suspend');
    expect(calls.slice(-2)).toEqual(['LMSCommit', 'LMSFinish']);
    expect(calls.filter((call) => call === 'LMSFinish')).toHaveLength(1);
  });

  it.each(['browse', 'review'] as const)('in %s mode keeps the place but leaves the status and score the LMS holds', async (lessonMode) => {
    const { api, data, calls } = fakeApi({ 'cmi.core.lesson_mode': lessonMode, 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' });
    const session = scorm12Session(api, options);
    await session.start();
    expect(session.mode()).toBe(lessonMode);
    expect(session.returnUrl()).toBeNull();
    await session.save({ ...recordTest(freshProgress(), 20, 80), location: { kind: 'test' } });
    await session.finish(freshProgress());
    expect(data['cmi.core.lesson_status']).toBe('passed');
    expect(data['cmi.core.score.raw']).toBe('90');
    expect(calls.some((call) => call.startsWith('set cmi.core.lesson_status') || call.startsWith('set cmi.core.score'))).toBe(false);
    expect(data['cmi.core.lesson_location']).toBe('home');
    expect(data['cmi.suspend_data']).toMatch(/^v1\|/);
  });

  it('a normal launch says so', async () => {
    const session = scorm12Session(fakeApi({ 'cmi.core.lesson_mode': 'normal' }).api, options);
    await session.start();
    expect(session.mode()).toBe('normal');
  });

  it('throws when LMSInitialize fails, so the page can fall back to standalone', async () => {
    const { api } = fakeApi();
    api.LMSInitialize = () => 'false';
    await expect(scorm12Session(api, options).start()).rejects.toThrow('LMSInitialize failed');
  });
});

describe('scormTimespan', () => {
  it.each([
    [0, '0000:00:00.00'],
    [59_990, '0000:00:59.99'],
    [36_000_000, '0010:00:00.00'],
  ])('%d ms → %s', (ms, text) => {
    expect(scormTimespan(ms)).toBe(text);
  });
});
