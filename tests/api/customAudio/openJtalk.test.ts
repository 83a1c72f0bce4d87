/**
 * A tiny custom module rendered by the real Open JTalk and ffmpeg, through the same path as on a
 * server: publish, the background queue, the version's folder. The MP3 must last what its manifest
 * says (ffprobe). Skipped, naming the Debian packages, where the engines are not installed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioManifestSchema } from '../../../src/lib/narration/audio/manifest.ts';
import { rendererFor } from '../../../src/server/audio/engines/index.ts';
import { probeDurationSeconds } from '../../../src/server/audio/ffmpeg.ts';
import { configureCustomAudio } from '../../../src/server/customAudio/config.ts';
import { drainRenders } from '../../../src/server/customAudio/queue.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { startTestApp } from '../support/app.ts';
import { signedInTrainer } from '../support/fixtures.ts';
import { draft, put, threeQuestions } from '../authoring/support.ts';

const availability = rendererFor('ja', 'local');
const skipReason = availability.ok ? '' : ` (skipped: needs Debian packages ${[...new Set(availability.missing.map((r) => r.debianPackage))].join(', ')})`;

let handle: DatabaseHandle;
let dir: string;

beforeAll(async () => {
  handle = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'ltv-custom-audio-jtalk-'));
  configureCustomAudio({ dir, concurrency: 2, rendererFor: (locale) => rendererFor(locale, 'local') });
});
afterAll(async () => {
  await drainRenders();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!availability.ok)(`a custom lesson with Open JTalk${skipReason}`, { timeout: 180_000 }, () => {
  it('renders after publishing, and the MP3 lasts what the manifest says', async () => {
    const { trainer } = await signedInTrainer(handle.db);
    const created = await trainer.post('/api/trainer/modules', { title: '短いモジュール', locale: 'ja', markdown: '## 継続率\n\n継続率は大切です。毎月測ります。' });
    const moduleId = ((await created.json()) as { id: string }).id;
    const body = await draft(trainer, moduleId);
    const lesson = body.lessons[0]!;
    await put(trainer, `/api/trainer/modules/${moduleId}/lessons/${lesson.id}/questions`, { revision: body.revision, questions: threeQuestions(lesson.sections[0]!.id) });
    const started = performance.now();
    const response = await trainer.post(`/api/trainer/modules/${moduleId}/publish`, { revision: (await draft(trainer, moduleId)).revision });
    expect(response.status).toBe(201);
    const { versionId } = (await response.json()) as { versionId: string };
    await drainRenders();
    const elapsedMs = performance.now() - started;

    const status = (await (await trainer.get(`/api/trainer/modules/${moduleId}/audio`)).json()) as { audio: { status: string; message: string | null } };
    expect(status.audio.status, status.audio.message ?? '').toBe('ready');
    const manifest = audioManifestSchema.parse(JSON.parse(await readFile(path.join(dir, versionId, '1.json'), 'utf8')));
    expect(manifest.voice.engine).toBe('open-jtalk');
    const measured = await probeDurationSeconds(path.join(dir, versionId, path.basename(manifest.src)));
    expect(Math.abs(measured - manifest.duration) / manifest.duration).toBeLessThan(0.02);
    expect((await trainer.get(manifest.src)).status).toBe(200);
    console.log(`custom audio: ${manifest.segments.length} segments, ${manifest.duration.toFixed(2)} s of audio rendered in ${(elapsedMs / 1000).toFixed(2)} s (publish to ready)`);
  });
});
