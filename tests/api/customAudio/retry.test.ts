/**
 * `POST /api/trainer/modules/<id>/audio`: the owner renders a failed narration again. Only a
 * failure (or a wait for an engine that is now installed) is queued again; a render queued, under
 * way or done is a 409 naming which; parallel retries queue one render; a stranger, a learner and
 * odd bodies change nothing. A fake engine stands in for Open JTalk; ffmpeg joins for real.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RendererAvailability } from '../../../src/server/audio/engines/index.ts';
import { FFMPEG_REQUIREMENTS, missingRequirements } from '../../../src/server/audio/requirements.ts';
import { configureCustomAudio } from '../../../src/server/customAudio/config.ts';
import { drainRenders } from '../../../src/server/customAudio/queue.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { MAX_BODY_BYTES } from '../../../src/server/http/body.ts';
import { actor, type Actor, startTestApp } from '../support/app.ts';
import { side, type Side } from '../support/fixtures.ts';
import { publishedModule } from '../authoring/support.ts';
import { fakeEngine, missingOpenJtalk } from './fakeEngine.ts';

const noFfmpeg = missingRequirements(FFMPEG_REQUIREMENTS).length > 0;

let handle: DatabaseHandle;
let dir: string;
let owner: Side;
let other: Side;
let counter = 0;
/** Renders started: a render asks for its engine once (nothing else does while no render waits for one). */
let renders = 0;

const useEngine = (availability: RendererAvailability) =>
  configureCustomAudio({
    rendererFor: () => {
      renders++;
      return availability;
    },
  });
const audioUrl = (id: string) => `/api/trainer/modules/${id}/audio`;
const retry = (who: Actor, id: string, options: Parameters<Actor['request']>[2] = {}) => who.request('POST', audioUrl(id), options);
const audioOf = async (id: string) => ((await (await owner.trainer.get(audioUrl(id))).json()) as { audio: Record<string, unknown> }).audio;

/** A published module whose render failed (a broken engine), nothing left in the queue. */
async function failedModule(): Promise<string> {
  useEngine(fakeEngine({ fail: 'synthesis crashed' }).availability);
  const { moduleId } = await publishedModule(owner.trainer, `Failing ${++counter}`, `## Part ${counter}\n\nRetention is the lever number ${counter}.`);
  await drainRenders();
  expect(await audioOf(moduleId)).toMatchObject({ status: 'failed', message: expect.stringContaining('synthesis crashed') });
  return moduleId;
}

beforeAll(async () => {
  handle = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'ltv-custom-audio-retry-'));
  configureCustomAudio({ dir, concurrency: 2 });
  owner = await side(handle.db, 'R');
  other = await side(handle.db, 'S');
});
afterAll(async () => {
  await drainRenders();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(noFfmpeg)('retrying a failed render (skipped: ffmpeg is not installed, Debian package ffmpeg)', () => {
  it('queues it again (202, the audio now queued), and the render happens', async () => {
    const moduleId = await failedModule();
    const engine = fakeEngine();
    useEngine(engine.availability);
    const response = await retry(owner.trainer, moduleId);
    expect(response.status).toBe(202);
    const { audio } = (await response.json()) as { audio: Record<string, unknown> };
    expect(audio).toMatchObject({ number: 1, status: 'queued', done: 0, total: 0, message: null, packages: [] });
    await drainRenders();
    expect(await audioOf(moduleId)).toMatchObject({ versionId: audio.versionId, status: 'ready', message: null });
    expect(engine.said.some((text) => text.includes(`number ${counter}`))).toBe(true);
  });

  it('accepts `{}` as well as no body', async () => {
    const moduleId = await failedModule();
    useEngine(fakeEngine().availability);
    expect((await owner.trainer.post(audioUrl(moduleId), {})).status).toBe(202);
    await drainRenders();
    expect((await audioOf(moduleId)).status).toBe('ready');
  });

  it('409 naming the state while queued, while rendering and once ready; nothing is queued again', async () => {
    const [busy, waiting] = [await failedModule(), await failedModule()];
    const engine = fakeEngine();
    useEngine(engine.availability);
    const release = engine.hold();
    expect((await retry(owner.trainer, busy)).status).toBe(202);
    // The queue renders one version at a time: while the first is held, the second waits.
    await expect.poll(async () => (await audioOf(busy)).status, { timeout: 10_000 }).toBe('rendering');
    expect((await retry(owner.trainer, waiting)).status).toBe(202);
    const rendering = await retry(owner.trainer, busy);
    expect(rendering.status).toBe(409);
    expect(await rendering.json()).toMatchObject({ error: 'audio-already-rendering', audio: { status: 'rendering' } });
    const queued = await retry(owner.trainer, waiting);
    expect(queued.status).toBe(409);
    expect(await queued.json()).toMatchObject({ error: 'audio-already-queued', audio: { status: 'queued' } });
    renders = 0;
    release();
    await drainRenders();
    // Counted from here: the waiting render only (the held one had already started); a second render of either would count.
    expect(renders).toBe(1);
    for (const id of [busy, waiting]) {
      const ready = await retry(owner.trainer, id);
      expect(ready.status).toBe(409);
      expect(await ready.json()).toMatchObject({ error: 'audio-already-ready', audio: { status: 'ready' } });
    }
  });

  it('5 parallel retries: one 202, four 409, one render', async () => {
    const moduleId = await failedModule();
    const engine = fakeEngine();
    useEngine(engine.availability);
    const release = engine.hold();
    renders = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => retry(owner.trainer, moduleId)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 409, 409, 409, 409]);
    const codes = await Promise.all(answers.filter((answer) => answer.status === 409).map(async (answer) => ((await answer.json()) as { error: string }).error));
    for (const code of codes) expect(['audio-already-queued', 'audio-already-rendering']).toContain(code);
    release();
    await drainRenders();
    expect(renders).toBe(1);
    expect((await audioOf(moduleId)).status).toBe('ready');
  });

  it('a render that waited for an engine: 409 while the engine is missing, queued once it is installed', async () => {
    useEngine(missingOpenJtalk);
    const { moduleId } = await publishedModule(owner.trainer, `Waiting ${++counter}`, `## Part\n\nNo engine yet ${counter}.`);
    await drainRenders();
    const missing = await retry(owner.trainer, moduleId);
    expect(missing.status).toBe(409);
    expect(await missing.json()).toMatchObject({ error: 'audio-engine-missing', audio: { status: 'unavailable', packages: ['open-jtalk'] } });
    useEngine(fakeEngine().availability);
    expect((await retry(owner.trainer, moduleId)).status).toBe(202);
    await drainRenders();
    expect((await audioOf(moduleId)).status).toBe('ready');
  });
});

describe('who may retry', () => {
  let moduleId: string;
  beforeAll(async () => {
    moduleId = await failedModule();
  });

  it.each([
    ['another trainer', () => other.trainer, 404],
    ['a learner', () => owner.learner, 401],
    ['no session', () => actor(), 401],
  ])('%s: %i, and the render stays failed', async (_who, who, status) => {
    expect((await retry(who(), moduleId)).status).toBe(status);
    expect((await audioOf(moduleId)).status).toBe('failed');
  });

  it('a cross-site post: 403, even from the owner', async () => {
    const response = await retry(owner.trainer, moduleId, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe('cross-site-request');
    expect((await audioOf(moduleId)).status).toBe('failed');
  });

  it('404 for a module never published, an id that is not a UUID, and one that does not exist', async () => {
    const created = await owner.trainer.post('/api/trainer/modules', { title: 'Draft only', locale: 'en', markdown: '## A\n\nText.' });
    const draftId = ((await created.json()) as { id: string }).id;
    for (const id of [draftId, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const response = await retry(owner.trainer, id);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toBe('not-found');
    }
  });
});

describe('odd bodies', () => {
  let moduleId: string;
  beforeAll(async () => {
    moduleId = await failedModule();
  });
  const raw = (text: string | ReadableStream<Uint8Array>, type = 'application/json') => retry(owner.trainer, moduleId, { rawBody: text, headers: { 'content-type': type } });

  it.each([
    ['`__proto__`', '{"__proto__":1}', '__proto__'],
    ['`constructor`', '{"constructor":{}}', 'constructor'],
    ['any field', '{"versionId":"x"}', 'versionId'],
    ['a NUL in a key', '{"\\u0000":1}', '\u0000'],
  ])('%s: 400 naming the unknown field', async (_what, text, field) => {
    const response = await raw(text);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toBe('invalid-body');
    expect(Object.hasOwn(body.fieldErrors, field)).toBe(true);
  });

  it.each([
    ['a raw NUL', '\u0000', 'invalid-json'],
    ['null', 'null', 'invalid-body'],
    ['an array', '[]', 'invalid-body'],
    ['a string', '"{}"', 'invalid-body'],
  ])('%s: 400 %s', async (_what, text, code) => {
    const response = await raw(text);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe(code);
  });

  it('a body that is not JSON: 415', async () => {
    expect((await raw('retry=1', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('a chunked body far past the limit: 413 without reading it all', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(`{"a":"${'x'.repeat(8_000)}`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 100 * MAX_BODY_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await raw(stream);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(10 * MAX_BODY_BYTES);
  });

  it('a declared length past the limit: 413', async () => {
    const response = await retry(owner.trainer, moduleId, { rawBody: '{}', headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) } });
    expect(response.status).toBe(413);
  });

  it('after all of them the render is still the failed one: nothing was queued', async () => {
    expect((await audioOf(moduleId)).status).toBe('failed');
  });
});

