/**
 * Recorded narration of published custom modules, end to end on the database: publishing queues a
 * render (a fake engine stands in for Open JTalk; ffmpeg joins for real), the editor sees its state,
 * lesson pages get the manifest, and `/api/custom-audio/…` serves the MP3 with Range to the owner
 * and to learners of a cohort it is assigned to, and to nobody else.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioManifestSchema, type AudioManifest } from '../../../src/lib/narration/audio/manifest.ts';
import { missingRequirements, FFMPEG_REQUIREMENTS } from '../../../src/server/audio/requirements.ts';
import { assignedModuleListen } from '../../../src/server/authoring/listen.ts';
import { assignedLessonView, draftLessonView } from '../../../src/server/authoring/pages.ts';
import { configureCustomAudio } from '../../../src/server/customAudio/config.ts';
import { drainRenders } from '../../../src/server/customAudio/queue.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { actor, startTestApp, type Actor } from '../support/app.ts';
import { side, type Side } from '../support/fixtures.ts';
import { draft, patch, put, threeQuestions } from '../authoring/support.ts';
import { fakeEngine, missingOpenJtalk, type FakeEngine } from './fakeEngine.ts';

const noFfmpeg = missingRequirements(FFMPEG_REQUIREMENTS).length > 0;

let handle: DatabaseHandle;
let dir: string;
let engine: FakeEngine;
let owner: Side;
let other: Side;
let moduleId: string;
let versionId: string;
let key: string;
let manifest: AudioManifest;
let mp3: Buffer;
let statusWhileHeld: string;
let publishStatus: number;

const useEngine = (availability: FakeEngine['availability'] | typeof missingOpenJtalk) => configureCustomAudio({ rendererFor: () => availability });
const audioStatus = async (who: Actor, id = moduleId) => (await who.get(`/api/trainer/modules/${id}/audio`)).json() as Promise<{ audio: Record<string, unknown> | null }>;

async function publish(trainer: Actor, id: string): Promise<{ status: number; versionId: string }> {
  const response = await trainer.post(`/api/trainer/modules/${id}/publish`, { revision: (await draft(trainer, id)).revision });
  return { status: response.status, versionId: ((await response.json()) as { versionId: string }).versionId };
}

beforeAll(async () => {
  handle = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'ltv-custom-audio-'));
  engine = fakeEngine();
  configureCustomAudio({ dir, concurrency: 2 });
  useEngine(engine.availability);
  owner = await side(handle.db, 'A');
  other = await side(handle.db, 'B');
  const created = await owner.trainer.post('/api/trainer/modules', { title: '営業の基本', locale: 'ja', markdown: '## 強み\n\n御社の強みは継続率です。広告ではありません。' });
  moduleId = ((await created.json()) as { id: string }).id;
  let body = await draft(owner.trainer, moduleId);
  const lesson = body.lessons[0]!;
  await put(owner.trainer, `/api/trainer/modules/${moduleId}/lessons/${lesson.id}/questions`, { revision: body.revisions[`questions:${lesson.id}`], questions: threeQuestions(lesson.sections[0]!.id) });
  body = await draft(owner.trainer, moduleId);
  await patch(owner.trainer, `/api/trainer/modules/${moduleId}`, { revision: body.revisions['module:pronunciations'], pronunciations: [{ term: '御社', reading: 'おんしゃ' }] });

  const release = engine.hold();
  const published = await publish(owner.trainer, moduleId);
  publishStatus = published.status;
  versionId = published.versionId;
  statusWhileHeld = String((await audioStatus(owner.trainer)).audio?.status);
  release();
  await drainRenders();

  key = `cm-${versionId}-1`;
  const assigned = await owner.trainer.post(`/api/trainer/cohorts/${owner.cohortId}/assignments`, { lessons: [key], dueAt: new Date(Date.now() + 86_400_000).toISOString(), passMark: 0.8 });
  expect(assigned.status).toBe(200);
  manifest = audioManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, versionId, '1.json'), 'utf8')));
  mp3 = readFileSync(path.join(dir, versionId, path.basename(manifest.src)));
});
afterAll(async () => {
  await drainRenders();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(noFfmpeg)('rendering after publish (skipped: ffmpeg is not installed, Debian package ffmpeg)', () => {
  it('answers the publish at once, while the audio is still being made', () => {
    expect(publishStatus).toBe(201);
    expect(['queued', 'rendering']).toContain(statusWhileHeld);
  });

  it('then reports it ready, with every step counted', async () => {
    const { audio } = await audioStatus(owner.trainer);
    expect(audio).toMatchObject({ versionId, number: 1, status: 'ready', message: null, packages: [] });
    expect(audio!.done).toBe(audio!.total);
    expect(audio!.total as number).toBeGreaterThan(1);
  });

  it('says the module’s reading (おんしゃ), never the written term', () => {
    expect(engine.said.some((text) => text.includes('おんしゃ'))).toBe(true);
    expect(engine.said.some((text) => text.includes('御社'))).toBe(false);
  });

  it('writes the manifest the player reads: the lesson key, the file under /api/custom-audio/, contiguous timings', () => {
    expect(manifest.lesson).toBe(key);
    expect(manifest.src).toMatch(new RegExp(`^/api/custom-audio/${versionId}/1\\.[0-9a-f]{16}\\.mp3$`));
    expect(manifest.voice).toEqual({ engine: 'fake-tone', id: 'tone', label: 'Test tone' });
    expect(manifest.segments.at(-1)!.end).toBe(manifest.duration);
  });

  it('gives the learner’s lesson page and the owner’s preview the manifest; another cohort gets no page', async () => {
    expect((await assignedLessonView(handle.db, owner.cohortId, key))?.view.recording?.src).toBe(manifest.src);
    expect(await assignedLessonView(handle.db, other.cohortId, key)).toBeNull();
    const lessonId = (await draft(owner.trainer, moduleId)).lessons[0]!.id;
    const ownerId = (await handle.db.query.customModules.findFirst({ where: (m, { eq }) => eq(m.id, moduleId) }))!.trainerId;
    expect((await draftLessonView(handle.db, ownerId, moduleId, lessonId))?.view.recording?.src).toBe(manifest.src);
  });

  it('gives listen mode the lesson’s recording, so the playlist plays the file', async () => {
    const listen = await assignedModuleListen(handle.db, owner.cohortId, versionId, 'ja');
    expect(listen?.data.lessons.map((lesson) => lesson.recording?.src)).toEqual([manifest.src]);
    expect(listen?.minutes).toEqual([Math.max(1, Math.round(manifest.duration / 60))]);
  });
});

describe.skipIf(noFfmpeg)('the LMS package of a rendered version', () => {
  it('carries the rendered MP3, byte for byte, and its launch page plays it', async () => {
    const response = await owner.trainer.get(`/api/trainer/modules/${moduleId}/package?format=scorm12`);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const name = `audio/${path.basename(manifest.src)}`;
    expect(Buffer.from((await zip.file(name)?.async('uint8array')) ?? [])).toEqual(mp3);
    const pages = await Promise.all(Object.values(zip.files).filter((file) => file.name.endsWith('.html')).map((file) => file.async('string')));
    expect(pages.some((html) => html.includes(name))).toBe(true);
  });
});

describe.skipIf(noFfmpeg)('GET /api/custom-audio/<version>/<file>', () => {
  const url = () => manifest.src;

  it.each([
    ['the owner', () => owner.trainer],
    ['a learner of a cohort it is assigned to', () => owner.learner],
  ])('%s gets the MP3, cached privately for good', async (_who, who) => {
    const response = await who().get(url());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(response.headers.get('content-length')).toBe(String(mp3.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3)).toBe(true);
  });

  it.each([
    ['another trainer', () => other.trainer],
    ['a learner of another cohort', () => other.learner],
    ['no session', () => actor()],
  ])('%s gets a 404 that is not cached', async (_who, who) => {
    const response = await who().get(url());
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).not.toBe('audio/mpeg');
  });

  it.each([
    ['a manifest', () => `/api/custom-audio/${versionId}/1.json`],
    ['an encoded ../ to the manifest', () => `/api/custom-audio/${versionId}/..%2f${versionId}%2f1.json`],
    ['an encoded ../ out of the folder', () => `/api/custom-audio/${versionId}/..%2f..%2f..%2fetc%2fpasswd`],
    ['an encoded ../ in the version', () => `/api/custom-audio/..%2f${versionId}/${path.basename(manifest.src)}`],
    ['a NUL after the name', () => `${manifest.src}%00`],
    ['a NUL inside the name', () => manifest.src.replace('.mp3', '%00.mp3')],
    ['the version in capitals', () => manifest.src.replace(versionId, versionId.toUpperCase())],
    ['another hash', () => manifest.src.replace(/\.[0-9a-f]{16}\.mp3$/, '.0000000000000000.mp3')],
    ['a lesson the version does not have', () => manifest.src.replace('/1.', '/2.')],
    ['an id that is not a uuid', () => `/api/custom-audio/not-a-uuid/${path.basename(manifest.src)}`],
  ])('%s: 404 even for the owner', async (_what, target) => {
    const response = await owner.trainer.get(target());
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toBe('audio/mpeg');
  });

  it.each([
    { range: 'bytes=0-1', start: 0, end: 1 },
    { range: 'bytes=100-', start: 100, end: -1 },
    { range: 'bytes=-10', start: -10, end: -1 },
  ])('$range → 206 with exactly those bytes', async ({ range, start, end }) => {
    const [from, to] = [start < 0 ? mp3.length + start : start, end < 0 ? mp3.length + end : end];
    const response = await owner.learner.get(url(), { headers: { range } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${from}-${to}/${mp3.length}`);
    expect(response.headers.get('content-length')).toBe(String(to - from + 1));
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3.subarray(from, to + 1))).toBe(true);
  });

  it('an unsatisfiable range → 416 naming the length, not cached', async () => {
    const response = await owner.trainer.get(url(), { headers: { range: `bytes=${mp3.length}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${mp3.length}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('a Range from someone else is still a 404', async () => {
    expect((await other.learner.get(url(), { headers: { range: 'bytes=0-1' } })).status).toBe(404);
  });
});

describe.skipIf(noFfmpeg)('when the audio cannot be made', () => {
  it('a missing engine: "unavailable" naming the package; the preview keeps the browser voice; installing it queues again', async () => {
    useEngine(missingOpenJtalk);
    const lessonId = (await draft(owner.trainer, moduleId)).lessons[0]!.id;
    const sectionId = (await draft(owner.trainer, moduleId)).lessons[0]!.sections[0]!.id;
    await patch(owner.trainer, `/api/trainer/modules/${moduleId}/sections/${sectionId}`, { revision: (await draft(owner.trainer, moduleId)).revisions[`section:${sectionId}`], markdown: '新しい本文です。' });
    const second = await publish(owner.trainer, moduleId);
    expect(second.status).toBe(201);
    await drainRenders();
    const { audio } = await audioStatus(owner.trainer);
    expect(audio).toMatchObject({ versionId: second.versionId, number: 2, status: 'unavailable', packages: ['open-jtalk'] });
    expect(audio!.message).toContain('sudo apt-get install open-jtalk');
    const ownerId = (await handle.db.query.customModules.findFirst({ where: (m, { eq }) => eq(m.id, moduleId) }))!.trainerId;
    expect((await draftLessonView(handle.db, ownerId, moduleId, lessonId))?.view.recording).toBeUndefined();
    // The first version's learners keep its recording.
    expect((await assignedLessonView(handle.db, owner.cohortId, key))?.view.recording?.src).toBe(manifest.src);

    useEngine(engine.availability);
    expect((await audioStatus(owner.trainer)).audio?.status).toBe('queued');
    await drainRenders();
    expect((await audioStatus(owner.trainer)).audio?.status).toBe('ready');
    expect((await draftLessonView(handle.db, ownerId, moduleId, lessonId))?.view.recording?.src).toMatch(new RegExp(`^/api/custom-audio/${second.versionId}/1\\.`));
  });

  it('an engine that fails: "failed" with its message, and the module works on', async () => {
    useEngine(fakeEngine({ fail: 'synthesis crashed' }).availability);
    const sectionId = (await draft(owner.trainer, moduleId)).lessons[0]!.sections[0]!.id;
    await patch(owner.trainer, `/api/trainer/modules/${moduleId}/sections/${sectionId}`, { revision: (await draft(owner.trainer, moduleId)).revisions[`section:${sectionId}`], markdown: 'もう一度書き直しました。' });
    const third = await publish(owner.trainer, moduleId);
    expect(third.status).toBe(201);
    await drainRenders();
    const { audio } = await audioStatus(owner.trainer);
    expect(audio).toMatchObject({ versionId: third.versionId, number: 3, status: 'failed' });
    expect(audio!.message).toContain('synthesis crashed');
    expect((await owner.trainer.get(`/api/trainer/modules/${moduleId}`)).status).toBe(200);
    useEngine(engine.availability);
  });
});

describe('GET /api/trainer/modules/<id>/audio', () => {
  it('is the owner’s only: 404 for another trainer, 401 for a learner or no session', async () => {
    expect((await other.trainer.get(`/api/trainer/modules/${moduleId}/audio`)).status).toBe(404);
    expect((await owner.learner.get(`/api/trainer/modules/${moduleId}/audio`)).status).toBe(401);
    expect((await actor().get(`/api/trainer/modules/${moduleId}/audio`)).status).toBe(401);
    expect((await owner.trainer.get('/api/trainer/modules/not-a-uuid/audio')).status).toBe(404);
  });

  it('says null for a module never published', async () => {
    const created = await other.trainer.post('/api/trainer/modules', { title: 'Draft only', locale: 'en', markdown: '## A\n\nText.' });
    const id = ((await created.json()) as { id: string }).id;
    expect(await audioStatus(other.trainer, id)).toEqual({ audio: null });
  });
});
