/**
 * Renders a restart left queued resume on the next request of any kind (the middleware calls
 * sweepRenders), not only when a trainer opens the editor: in the background, so the request is
 * answered at once; at most once a minute; never for a prerendered page or static file, and never
 * by opening a database the process has not opened. The "restart" is a row queued directly, with
 * no queue running, as a process that died after publishing leaves it.
 */
import type { APIContext, MiddlewareHandler } from 'astro';
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { onRequest } from '../../../src/middleware.ts';
import { FFMPEG_REQUIREMENTS, missingRequirements } from '../../../src/server/audio/requirements.ts';
import { configureCustomAudio, customAudioSettings, segmentCacheDir } from '../../../src/server/customAudio/config.ts';
import { drainRenders, sweepRenders } from '../../../src/server/customAudio/queue.ts';
import { queueRender } from '../../../src/server/customAudio/status.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { customAudioRenders } from '../../../src/server/db/schema.ts';
import { actor, ORIGIN, startTestApp } from '../support/app.ts';
import { signedInTrainer } from '../support/fixtures.ts';
import { publishedModule } from '../authoring/support.ts';
import { fakeEngine, type FakeEngine } from './fakeEngine.ts';

const noFfmpeg = missingRequirements(FFMPEG_REQUIREMENTS).length > 0;
const MINUTE = 60_000;

let handle: DatabaseHandle;
let dir: string;
let engine: FakeEngine;
let versionId: string;
/** How far the tests moved the clock the sweep reads (Date.now) past the real one. */
let skew = 0;

const statusOf = async () => (await handle.db.select({ status: customAudioRenders.status }).from(customAudioRenders).where(eq(customAudioRenders.versionId, versionId)))[0]?.status;
/** Waits long enough for a started render to have claimed the row (a claim is one query). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
/** As a restart leaves it: queued, and the minute since the last look gone by. */
async function restartWithQueuedRender(): Promise<void> {
  await queueRender(handle.db, versionId);
  skew += 2 * MINUTE;
}

beforeAll(async () => {
  handle = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'ltv-custom-audio-resume-'));
  engine = fakeEngine();
  configureCustomAudio({ dir, concurrency: 2, rendererFor: () => engine.availability });
  const { trainer } = await signedInTrainer(handle.db);
  await publishedModule(trainer, 'Resumed', '## Part\n\nQueued before the restart.');
  await drainRenders();
  const [row] = await handle.db.select({ versionId: customAudioRenders.versionId }).from(customAudioRenders);
  versionId = row!.versionId;
  const realNow = Date.now.bind(Date);
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + skew);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await drainRenders();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(noFfmpeg)('the middleware resumes queued renders (skipped: ffmpeg is not installed, Debian package ffmpeg)', () => {
  it('a prerendered page or static file does not look', async () => {
    await restartWithQueuedRender();
    const url = new URL('/_astro/client.js', ORIGIN);
    const context = { request: new Request(url), url, params: {}, locals: {}, isPrerendered: true, clientAddress: '10.1.1.1' } as unknown as APIContext;
    const response = (await (onRequest as MiddlewareHandler)(context, async () => new Response('static'))) as Response;
    expect(response.status).toBe(200);
    await settle();
    expect(await statusOf()).toBe('queued');
  });

  it('an unrelated request (the health check, no session) starts it and is answered before it is done', async () => {
    await restartWithQueuedRender();
    // Without its cached segments the render must ask the (held) engine again: with them it joins
    // the cached files and may be ready before the first look (it was on PostgreSQL in CI).
    rmSync(segmentCacheDir(customAudioSettings()), { recursive: true, force: true });
    const release = engine.hold();
    const response = await actor().get('/api/health');
    expect(response.status).toBe(200);
    await expect.poll(statusOf, { timeout: 10_000 }).toBe('rendering');
    release();
    await expect.poll(statusOf, { timeout: 20_000 }).toBe('ready');
  });

  it('looks at most once a minute: a request within the minute leaves a newly queued render alone, one after it starts it', async () => {
    await queueRender(handle.db, versionId);
    await actor().get('/api/health');
    await settle();
    expect(await statusOf()).toBe('queued');
    skew += 2 * MINUTE;
    await actor().get('/api/health');
    await expect.poll(statusOf, { timeout: 20_000 }).toBe('ready');
  });

  it('never opens a database the process has not opened', async () => {
    await restartWithQueuedRender();
    expect(sweepRenders(Date.now(), () => null)).toBe(false);
    await settle();
    expect(await statusOf()).toBe('queued');
  });
});
