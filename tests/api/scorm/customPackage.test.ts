/**
 * A trainer's own module as an LMS package: only its owner may download it, only once published,
 * and each published version is its own package (publishing again never serves the old zip for
 * the new version, nor the new one for an older version). Through the real middleware and route.
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customModuleSource } from '../../../src/server/scorm/customModuleSource.ts';
import { SCORM12_SCHEMA_FILES } from '../../../src/server/scorm/scorm12Schemas.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { customModuleVersions } from '../../../src/server/db/schema.ts';
import { actor, startTestApp, type Actor } from '../support/app.ts';
import { side, signedInTrainer, type Side } from '../support/fixtures.ts';
import { draft, patch, put, threeQuestions } from '../authoring/support.ts';

let handle: DatabaseHandle;
let owner: Actor;
let stranger: Side;
let moduleId: string;
let draftOnlyId: string;
let sectionId: string;
let revision: number;

const TITLE = '新人研修/提案の基本';
const MARKDOWN = '# 提案の準備\n\n## 課題\n\n御社の課題を最初に確かめます。';

const packageUrl = (id: string, query = '') => `/api/trainer/modules/${id}/package${query}`;

async function publish(who: Actor, id: string): Promise<{ versionId: string; number: number }> {
  const response = await who.post(`/api/trainer/modules/${id}/publish`, { revision });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { versionId: string; number: number; revision: number };
  revision = body.revision;
  return body;
}

async function unzip(response: Response) {
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  return { names: Object.keys(zip.files).sort(), text: (name: string) => zip.file(name)!.async('string') };
}

beforeAll(async () => {
  handle = await startTestApp();
  ({ trainer: owner } = await signedInTrainer(handle.db));
  stranger = await side(handle.db, 'X');
  moduleId = (await (await owner.post('/api/trainer/modules', { title: TITLE, locale: 'ja', markdown: MARKDOWN })).json()).id;
  const body = await draft(owner, moduleId);
  sectionId = body.lessons[0]!.sections[0]!.id;
  const saved = await put(owner, `/api/trainer/modules/${moduleId}/lessons/${body.lessons[0]!.id}/questions`, { revision: body.revisions[`questions:${body.lessons[0]!.id}`], questions: threeQuestions(sectionId) });
  expect(saved.status).toBe(200);
  revision = (await saved.json()).draftRevision;
  await publish(owner, moduleId);
  draftOnlyId = (await (await owner.post('/api/trainer/modules', { title: '下書きのまま', locale: 'ja', markdown: MARKDOWN })).json()).id;
});
afterAll(async () => handle.close());

describe('GET /api/trainer/modules/:id/package for a custom module: who may download', () => {
  it('401 without a session, 403 with a learner session', async () => {
    expect((await actor().get(packageUrl(moduleId))).status).toBe(401);
    const response = await stranger.learner.get(packageUrl(moduleId));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'forbidden' });
  });

  it('404 for another trainer, with nothing of the module in the answer', async () => {
    for (const query of ['', '?version=1', '?format=cmi5']) {
      const response = await stranger.trainer.get(packageUrl(moduleId, query));
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain('新人研修');
      expect(text).toBe(JSON.stringify({ error: 'not-found' }));
    }
  });

  it.each([
    ['an unknown module id', '00000000-0000-4000-8000-000000000000'],
    ['a path in the id', '..%2F..%2Fcohorts'],
    ['an id that is neither a slug nor a UUID', 'cm-%E6%96%B0%E4%BA%BA'],
    ['a UUID with a suffix', 'x0000000-0000-4000-8000-000000000000'],
  ])('404 for %s', async (_case, id) => {
    expect((await owner.get(packageUrl(id))).status).toBe(404);
  });

  it('409 that says to publish first for a draft never published', async () => {
    const response = await owner.get(packageUrl(draftOnlyId));
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('not-published');
    expect(body.message).toMatch(/publish/);
    // The same for another trainer is a 404: they do not learn that the module exists.
    expect((await stranger.trainer.get(packageUrl(draftOnlyId))).status).toBe(404);
  });

  it.each([
    ['version=0', 'version'],
    ['version=one', 'version'],
    ['version=1.5', 'version'],
    ['format=scorm2004', 'format'],
    // The language is the module's own: a custom module has one.
    ['lang=en', 'lang'],
    ['debug=1', 'debug'],
  ])('?%s → 400 naming %s', async (query, field) => {
    const response = await owner.get(packageUrl(moduleId, `?${query}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toBe('invalid-query');
    expect(Object.keys(body.fieldErrors).join(' ')).toContain(field);
  });

  it('404 for a version that was never published', async () => {
    expect((await owner.get(packageUrl(moduleId, '?version=42'))).status).toBe(404);
  });
});

describe('the owner downloads the package', () => {
  it.each([
    ['', 'scorm12', 'imsmanifest.xml', [...SCORM12_SCHEMA_FILES]],
    ['?format=cmi5&version=1', 'cmi5', 'cmi5.xml', []],
  ])('?%s → a %s zip named after the module', async (query, format, manifest, schemas) => {
    const response = await owner.get(packageUrl(moduleId, query));
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="ltv-dojo-custom-v1-${format}.zip"`);
    // The Japanese title survives in filename* (the slash, which file systems refuse, becomes _).
    const readable = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!);
    expect(readable).toBe(`新人研修_提案の基本-v1-${format}.zip`);
    const { names, text } = await unzip(response);
    expect(names).toContain(manifest);
    // SCORM 1.2's XSDs sit beside the manifest; cmi5 has none.
    expect(names.filter((name) => name.endsWith('.xsd'))).toEqual(schemas);
    expect(await text(manifest)).toContain(TITLE);
    const html = await text('index.html');
    expect(html).toContain('御社の課題を最初に確かめます。');
    expect(html).toContain(`"moduleId":"cm-${moduleId}"`);
  });

  it('the loader reads a version by id in its own language only', async () => {
    const [version] = await handle.db.select({ id: customModuleVersions.id }).from(customModuleVersions).where(eq(customModuleVersions.moduleId, moduleId));
    const load = customModuleSource(handle.db);
    expect((await load(version!.id, 'ja'))?.title).toBe(TITLE);
    expect(await load(version!.id, 'en')).toBeNull();
    expect(await load('not-a-uuid', 'ja')).toBeNull();
    expect(await load('00000000-0000-4000-8000-000000000000', 'ja')).toBeNull();
  });
});

describe('a new version is a new package', () => {
  it('serves the edited text for the new version, and version 1 unchanged', async () => {
    const v1Before = new Uint8Array(await (await owner.get(packageUrl(moduleId, '?version=1'))).arrayBuffer());
    const edited = await patch(owner, `/api/trainer/modules/${moduleId}/sections/${sectionId}`, { revision: (await draft(owner, moduleId)).revisions[`section:${sectionId}`], markdown: '第2版では、まず予算を確かめます。' });
    expect(edited.status).toBe(200);
    revision = (await edited.json()).draftRevision;
    const second = await publish(owner, moduleId);
    expect(second.number).toBe(2);

    const latest = await unzip(await owner.get(packageUrl(moduleId)));
    const html = await latest.text('index.html');
    expect(html).toContain('第2版では、まず予算を確かめます。');
    expect(html).not.toContain('御社の課題を最初に確かめます。');
    expect(html).toContain(`cm-${second.versionId}-1`);
    expect(await latest.text('imsmanifest.xml')).toMatch(/<manifest identifier="[^"]+" version="2"/);

    const v1After = new Uint8Array(await (await owner.get(packageUrl(moduleId, '?version=1'))).arrayBuffer());
    expect(v1After).toEqual(v1Before);
    const v1 = await JSZip.loadAsync(v1After);
    expect(await v1.file('index.html')!.async('string')).toContain('御社の課題を最初に確かめます。');
  });
});
