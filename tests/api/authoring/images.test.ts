/**
 * Pictures of an imported deck, end to end on the database: the import stores them with the module
 * and puts image lines in the section's Markdown; the preview and the assigned lesson page show
 * them; `/api/custom-images/<id>` serves them to the owner, trainers it is shared with and learners
 * of a cohort a published version is assigned to, and answers 404 to anyone else and to any other id.
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedLessonView, draftLessonView } from '../../../src/server/authoring/pages.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { customModuleImages, trainers } from '../../../src/server/db/schema.ts';
import { makePptx, PNG_1X1 } from '../../unit/authoring/officeFixtures.ts';
import { actor, startTestApp, type Actor } from '../support/app.ts';
import { side, signedInTrainer, type Side } from '../support/fixtures.ts';
import { draft, put, threeQuestions, upload } from './support.ts';

const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const IMAGE_LINE = /^!\[継続率のグラフ\]\(\/api\/custom-images\/([0-9a-f-]{36})\)$/m;

let handle: DatabaseHandle;
let owner: Side;
let other: Side;
let shared: Actor;
let unshared: Actor;
let moduleId: string;
let lessonId: string;
let imageId: string;
let markdown: string;
let importBody: { images: { stored: number; skipped: Record<string, number> } };
let beforeAssignment: number;
let key: string;

beforeAll(async () => {
  handle = await startTestApp();
  owner = await side(handle.db, 'A');
  other = await side(handle.db, 'B');
  const sharedWith = await signedInTrainer(handle.db);
  shared = sharedWith.trainer;
  unshared = (await signedInTrainer(handle.db)).trainer;

  const deck = await makePptx([
    {
      title: '継続率',
      bullets: ['解約理由を聞く'],
      pictures: [
        { name: '図 1', descr: '継続率のグラフ', media: { file: 'image1.png', bytes: PNG_1X1 } },
        { descr: 'ロゴ', media: { file: 'image2.svg', bytes: SVG } },
      ],
    },
  ]);
  const response = await upload(owner.trainer, 'deck.pptx', deck, { locale: 'ja' });
  expect(response.status).toBe(201);
  importBody = await response.json();
  moduleId = (importBody as unknown as { id: string }).id;
  let body = await draft(owner.trainer, moduleId);
  const lesson = body.lessons[0]!;
  lessonId = lesson.id;
  markdown = lesson.sections[0]!.markdown;
  imageId = IMAGE_LINE.exec(markdown)?.[1] ?? '';
  expect((await owner.trainer.post(`/api/trainer/modules/${moduleId}/shares`, { email: sharedWith.email })).status).toBe(201);
  beforeAssignment = (await owner.learner.get(`/api/custom-images/${imageId}`)).status;

  await put(owner.trainer, `/api/trainer/modules/${moduleId}/lessons/${lessonId}/questions`, { revision: body.revisions[`questions:${lessonId}`], questions: threeQuestions(lesson.sections[0]!.id) });
  body = await draft(owner.trainer, moduleId);
  const published = await owner.trainer.post(`/api/trainer/modules/${moduleId}/publish`, { revision: body.revision });
  expect(published.status).toBe(201);
  key = `cm-${((await published.json()) as { versionId: string }).versionId}-1`;
  const assigned = await owner.trainer.post(`/api/trainer/cohorts/${owner.cohortId}/assignments`, { lessons: [key], dueAt: new Date(Date.now() + 86_400_000).toISOString(), passMark: 0.8 });
  expect(assigned.status).toBe(200);
});
afterAll(async () => handle.close());

describe('importing a deck with pictures', () => {
  it('puts the kept picture in the section’s Markdown after the text, and says what it left out', () => {
    expect(markdown.split('\n\n')[0]).toBe('解約理由を聞く');
    expect(imageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(importBody.images).toEqual({ stored: 1, skipped: { 'unsupported-type': 1 } });
  });

  it('stores the picture with the module: its type, bytes and hash', async () => {
    const rows = await handle.db.select().from(customModuleImages).where(eq(customModuleImages.moduleId, moduleId));
    expect(rows.map((row) => [row.id, row.contentType, Buffer.from(row.bytes).equals(Buffer.from(PNG_1X1))])).toEqual([[imageId, 'image/png', true]]);
    expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows it on the preview and on the assigned lesson page', async () => {
    const [row] = await handle.db.select({ id: trainers.id }).from(trainers).where(eq(trainers.email, owner.trainerEmail));
    const img = `<img src="/api/custom-images/${imageId}" alt="継続率のグラフ">`;
    expect((await draftLessonView(handle.db, row!.id, moduleId, lessonId))?.view.page.html).toContain(img);
    expect((await assignedLessonView(handle.db, owner.cohortId, key))?.view.page.html).toContain(img);
  });
});

describe('GET /api/custom-images/<id>', () => {
  it.each([
    ['the owner', () => owner.trainer],
    ['a trainer it is shared with', () => shared],
    ['a learner of a cohort a published version is assigned to', () => owner.learner],
  ])('%s gets the picture with its type, not sniffed, cached privately for good', async (_who, who) => {
    const response = await who().get(`/api/custom-images/${imageId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(PNG_1X1))).toBe(true);
  });

  it.each([
    ['another trainer', () => other.trainer],
    ['a trainer of this server it is not shared with', () => unshared],
    ['a learner of another cohort', () => other.learner],
    ['no session', () => actor()],
  ])('%s gets a 404 that is not cached', async (_who, who) => {
    const response = await who().get(`/api/custom-images/${imageId}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).not.toBe('image/png');
  });

  it('was a 404 for the learner before anything of the module was assigned to their cohort', () => {
    expect(beforeAssignment).toBe(404);
  });

  it.each([
    ['an unknown id', () => '00000000-0000-4000-8000-000000000000'],
    ['the id in upper case', () => imageId.toUpperCase()],
    ['not a uuid', () => 'not-a-uuid'],
    ['a LIKE wildcard', () => '%'],
    ['the module’s id', () => moduleId],
  ])('%s is a 404, even for the owner', async (_name, id) => {
    const response = await owner.trainer.get(`/api/custom-images/${encodeURIComponent(id())}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the package of the published version', () => {
  it('carries the picture under images/ and its page points there, for use offline in an LMS', async () => {
    const response = await owner.trainer.get(`/api/trainer/modules/${moduleId}/package`);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const picture = await zip.file(`images/${imageId}.png`)?.async('uint8array');
    expect(picture && Buffer.from(picture).equals(Buffer.from(PNG_1X1))).toBe(true);
    const html = await zip.file('index.html')!.async('string');
    expect(html).toContain(`<img src="images/${imageId}.png" alt="継続率のグラフ">`);
    expect(await zip.file('imsmanifest.xml')!.async('string')).toContain(`images/${imageId}.png`);
  });
});
