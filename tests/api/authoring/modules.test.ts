/**
 * Trainers' own modules through the API: import (JSON and files), edit with revisions, questions,
 * publish, version freeze, assign, a learner's graded attempt, and the dashboard and CSV on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { makePptx } from '../../unit/authoring/officeFixtures.ts';
import { startTestApp, type Actor } from '../support/app.ts';
import { joinAs, responsesFor, signedInTrainer } from '../support/fixtures.ts';
import { draft, patch, put, threeQuestions, upload } from './support.ts';

let handle: DatabaseHandle;
let trainer: Actor;

beforeAll(async () => {
  handle = await startTestApp();
  ({ trainer } = await signedInTrainer(handle.db));
});
afterAll(async () => handle.close());

const MARKDOWN = '# 製品紹介\n\n## 概要\n\n御社の課題を解決します。\n\n## 価格\n\n月額5,000円です。\n\n# 導入\n\n## 手順\n\n- 申込\n- 設定';

async function createFromMarkdown(title = '研修モジュール'): Promise<{ id: string; lessons: { id: string; title: string; url: string }[] }> {
  const response = await trainer.post('/api/trainer/modules', { title, locale: 'ja', markdown: MARKDOWN });
  expect(response.status).toBe(201);
  return response.json();
}

describe('import', () => {
  it('creates a draft from pasted Markdown: 201 with lessons and their preview URLs', async () => {
    const created = await createFromMarkdown();
    expect(created.lessons.map((lesson) => lesson.title)).toEqual(['製品紹介', '導入']);
    expect(created.lessons[0]!.url).toBe(`/trainer/modules/${created.id}/lessons/${created.lessons[0]!.id}/`);
    const body = await draft(trainer, created.id);
    expect(body).toMatchObject({ status: 'draft', revision: 1 });
    expect(body.lessons[0]!.sections.map((s) => s.heading)).toEqual(['概要', '価格']);
  });

  it('imports a Japanese PPTX upload with notes as the spoken version, in slide order', async () => {
    const bytes = await makePptx([{ title: 'ご挨拶', bullets: ['本日の内容'], notes: '本日はお時間をいただきありがとうございます。' }, {}, { title: '料金', bullets: ['月額5,000円'] }]);
    const response = await upload(trainer, '提案.pptx', bytes, { locale: 'ja', title: '' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    const sections = (await draft(trainer, created.id)).lessons[0]!.sections;
    expect(sections.map((s) => [s.heading, s.spoken])).toEqual([['ご挨拶', '本日はお時間をいただきありがとうございます。'], ['料金', null]]);
  });

  it.each([
    ['an encrypted deck', 'locked.pptx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]), 'encrypted'],
    ['a text file named .pptx', 'fake.pptx', new TextEncoder().encode('not a deck'), 'not-a-zip'],
    ['an empty file', 'empty.docx', new Uint8Array(), 'empty'],
    ['a spreadsheet', 'sheet.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4]), 'unsupported-type'],
  ])('answers 400 that says what is wrong for %s, and stores nothing', async (_name, fileName, bytes, reason) => {
    const before = (await (await trainer.get('/api/trainer/modules')).json()).modules.length;
    const response = await upload(trainer, fileName, bytes);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error: 'import-failed', reason });
    expect(body.message).toEqual(expect.any(String));
    expect((await (await trainer.get('/api/trainer/modules')).json()).modules.length).toBe(before);
  });

  it('refuses an upload over 10 MB while it streams (413)', async () => {
    const response = await upload(trainer, 'huge.pptx', new Uint8Array(10 * 1024 * 1024 + 100_000));
    expect(response.status).toBe(413);
  });

  it('refuses JSON with unknown fields, NUL characters or a wrong locale, naming the field', async () => {
    const response = await trainer.request('POST', '/api/trainer/modules', {
      rawBody: '{"title":"t","locale":"fr","markdown":"a\\u0000b","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const { fieldErrors } = await response.json();
    expect(Object.keys(fieldErrors).sort()).toEqual(['__proto__', 'locale', 'markdown']);
  });
});

describe('editing', () => {
  it('saves a section with the current revision and refuses a stale one (two tabs)', async () => {
    const created = await createFromMarkdown();
    const section = (await draft(trainer, created.id)).lessons[0]!.sections[0]!;
    const path = `/api/trainer/modules/${created.id}/sections/${section.id}`;
    const first = await patch(trainer, path, { revision: 1, markdown: '御社の課題を、三つの数字で解決します。', spoken: 'おんしゃの課題を解決します。' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ revision: 2, draftRevision: 2, value: null });
    const stale = await patch(trainer, path, { revision: 1, markdown: 'overwritten?' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ error: 'edited-elsewhere', revision: 2 });
    const saved = (await draft(trainer, created.id)).lessons[0]!.sections[0]!;
    expect(saved).toMatchObject({ markdown: '御社の課題を、三つの数字で解決します。', spoken: 'おんしゃの課題を解決します。' });
  });

  it('saves two sections of one lesson in parallel: each names its own revision, neither conflicts', async () => {
    const created = await createFromMarkdown();
    const body = await draft(trainer, created.id);
    const [first, second] = body.lessons[0]!.sections;
    const save = (id: string, markdown: string) => patch(trainer, `/api/trainer/modules/${created.id}/sections/${id}`, { revision: body.revisions[`section:${id}`], markdown });
    const answers = await Promise.all([save(first!.id, '一つ目を直しました。'), save(second!.id, '二つ目を直しました。')]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(bodies.map((b) => b.revision)).toEqual([2, 2]);
    // The draft's revision counts both edits, whichever ran first.
    expect(bodies.map((b) => b.draftRevision).sort()).toEqual([2, 3]);
    const saved = await draft(trainer, created.id);
    expect(saved.lessons[0]!.sections.map((s) => s.markdown)).toEqual(['一つ目を直しました。', '二つ目を直しました。']);
    expect(saved.revision).toBe(3);
  });

  it('saves a section, the pronunciations, the module title, a lesson title and a test in parallel without a conflict', async () => {
    const created = await createFromMarkdown();
    const body = await draft(trainer, created.id);
    const lesson = body.lessons[0]!;
    const section = lesson.sections[0]!;
    const base = `/api/trainer/modules/${created.id}`;
    const statuses = await Promise.all([
      patch(trainer, `${base}/sections/${section.id}`, { revision: body.revisions[`section:${section.id}`], markdown: '御社の課題です。' }),
      patch(trainer, base, { revision: body.revisions['module:pronunciations'], pronunciations: [{ term: '御社', reading: 'おんしゃ' }] }),
      patch(trainer, base, { revision: body.revisions['module:title'], title: '新しい題名' }),
      patch(trainer, `${base}/lessons/${lesson.id}`, { revision: body.revisions[`lesson:${lesson.id}`], title: '新しいレッスン名' }),
      put(trainer, `${base}/lessons/${lesson.id}/questions`, { revision: body.revisions[`questions:${lesson.id}`], questions: threeQuestions(section.id) }),
    ].map((request) => request.then((answer) => answer.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const saved = await draft(trainer, created.id);
    expect(saved).toMatchObject({ title: '新しい題名', revision: 6, pronunciations: [{ term: '御社', reading: 'おんしゃ' }] });
    expect(saved.lessons[0]).toMatchObject({ title: '新しいレッスン名', sections: [{ markdown: '御社の課題です。' }, {}] });
    expect(saved.lessons[0]!.questions).toHaveLength(3);
  });

  it('refuses a stale save of the same section (409 with its current revision) and keeps the first text', async () => {
    const created = await createFromMarkdown();
    const body = await draft(trainer, created.id);
    const [section, other] = body.lessons[0]!.sections;
    const path = `/api/trainer/modules/${created.id}/sections/${section!.id}`;
    // Another tab saves this section and a neighbour; this tab still holds revision 1 of the section.
    expect((await patch(trainer, path, { revision: 1, markdown: 'もう一つのタブ' })).status).toBe(200);
    expect((await patch(trainer, `/api/trainer/modules/${created.id}/sections/${other!.id}`, { revision: 1, markdown: '隣' })).status).toBe(200);
    const stale = await patch(trainer, path, { revision: 1, markdown: 'このタブ' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ error: 'edited-elsewhere', revision: 2 });
    const saved = await draft(trainer, created.id);
    expect(saved.lessons[0]!.sections[0]!.markdown).toBe('もう一つのタブ');
    // A refused save changes nothing, not even the draft's revision.
    expect(saved.revision).toBe(3);
    expect(saved.revisions[`section:${section!.id}`]).toBe(2);
  });

  it('refuses a stale test (409) and a module patch carrying both the title and the pronunciations (400)', async () => {
    const created = await createFromMarkdown();
    const lesson = (await draft(trainer, created.id)).lessons[0]!;
    const path = `/api/trainer/modules/${created.id}/lessons/${lesson.id}/questions`;
    expect((await put(trainer, path, { revision: 1, questions: threeQuestions(lesson.sections[0]!.id) })).status).toBe(200);
    const stale = await put(trainer, path, { revision: 1, questions: [] });
    expect(stale.status).toBe(409);
    expect((await draft(trainer, created.id)).lessons[0]!.questions).toHaveLength(3);
    const both = await patch(trainer, `/api/trainer/modules/${created.id}`, { revision: 1, title: 'T', pronunciations: [] });
    expect(both.status).toBe(400);
    expect((await both.json()).fieldErrors.title[0]).toContain('either title or pronunciations');
  });

  it('refuses to publish a draft changed since the publisher last saw it (409)', async () => {
    const created = await createFromMarkdown();
    let body = await draft(trainer, created.id);
    for (const lesson of body.lessons) {
      await put(trainer, `/api/trainer/modules/${created.id}/lessons/${lesson.id}/questions`, { revision: 1, questions: threeQuestions(lesson.sections[0]!.id) });
    }
    body = await draft(trainer, created.id);
    const section = body.lessons[0]!.sections[0]!;
    expect((await patch(trainer, `/api/trainer/modules/${created.id}/sections/${section.id}`, { revision: 1, markdown: '別のタブの変更' })).status).toBe(200);
    const stale = await trainer.post(`/api/trainer/modules/${created.id}/publish`, { revision: body.revision });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'edited-elsewhere', revision: body.revision + 1 });
  });

  it('lets exactly one of several parallel saves of the same revision win', async () => {
    const created = await createFromMarkdown();
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => patch(trainer, `/api/trainer/modules/${created.id}`, { revision: 1, title: `Tab ${i}` }).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
  });

  it('publishes once when the same revision is published from several tabs at once', async () => {
    const created = await createFromMarkdown();
    let body = await draft(trainer, created.id);
    for (const lesson of body.lessons) {
      await put(trainer, `/api/trainer/modules/${created.id}/lessons/${lesson.id}/questions`, { revision: body.revisions[`questions:${lesson.id}`], questions: threeQuestions(lesson.sections[0]!.id) });
      body = await draft(trainer, created.id);
    }
    const statuses = await Promise.all(Array.from({ length: 4 }, () => trainer.post(`/api/trainer/modules/${created.id}/publish`, { revision: body.revision }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
    expect((await draft(trainer, created.id)).status).toBe('published');
  });

  it('stores pronunciation overrides and refuses a term listed twice', async () => {
    const created = await createFromMarkdown();
    const ok = await patch(trainer, `/api/trainer/modules/${created.id}`, { revision: 1, pronunciations: [{ term: '御社', reading: 'おんしゃ' }] });
    expect(ok.status).toBe(200);
    const twice = await patch(trainer, `/api/trainer/modules/${created.id}`, { revision: 2, pronunciations: [{ term: '御社', reading: 'a' }, { term: '御社', reading: 'b' }] });
    expect(twice.status).toBe(400);
    expect((await twice.json()).fieldErrors).toHaveProperty(['pronunciations.1.term']);
  });

  it('validates questions with the banks’ schema and their link to a section of the lesson', async () => {
    const created = await createFromMarkdown();
    const body = await draft(trainer, created.id);
    const [lesson, other] = body.lessons;
    const path = `/api/trainer/modules/${created.id}/lessons/${lesson!.id}/questions`;
    const wrongAnswer = threeQuestions(lesson!.sections[0]!.id).map((q, i) => (i === 1 ? { ...(q as object), answer: 'z' } : q));
    const bad = await put(trainer, path, { revision: 1, questions: wrongAnswer });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((await bad.json()).fieldErrors)).toContain('answer \\"z\\" is not among the options');
    const elsewhere = await put(trainer, path, { revision: 1, questions: threeQuestions(other!.sections[0]!.id) });
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).fieldErrors).toHaveProperty(['questions.0.section']);
    expect((await put(trainer, path, { revision: 1, questions: threeQuestions(lesson!.sections[1]!.id) })).status).toBe(200);
    const saved = (await draft(trainer, created.id)).lessons[0]!.questions as unknown as { objective: number }[];
    expect(saved.map((q) => q.objective)).toEqual([1, 1, 1]);
  });

  it('imports GIFT questions and exports them again', async () => {
    const created = await createFromMarkdown();
    const lesson = (await draft(trainer, created.id)).lessons[0]!;
    const base = `/api/trainer/modules/${created.id}/lessons/${lesson.id}/gift`;
    const imported = await trainer.post(base, { revision: 1, gift: '::capital:: 日本の首都は? {=東京 ~大阪}\n\n::tf:: LTVは数字です。 {T}' });
    expect(imported.status).toBe(200);
    const exported = await trainer.get(base);
    expect(exported.headers.get('content-type')).toContain('text/plain');
    const text = await exported.text();
    expect(text).toContain('::capital::日本の首都は?');
    expect(text).toContain('{TRUE#');
  });
});

describe('publish, assign, learn', () => {
  it('publishes only a ready module, freezes versions, and a learner passes the assigned test', async () => {
    const created = await createFromMarkdown('公開テスト');
    let body = await draft(trainer, created.id);
    const notReady = await trainer.post(`/api/trainer/modules/${created.id}/publish`, { revision: body.revision });
    expect(notReady.status).toBe(409);
    expect((await notReady.json()).problems.map((p: { problem: string }) => p.problem)).toEqual(['too-few-questions', 'too-few-questions']);
    for (const lesson of body.lessons) {
      const response = await put(trainer, `/api/trainer/modules/${created.id}/lessons/${lesson.id}/questions`, { revision: body.revisions[`questions:${lesson.id}`], questions: threeQuestions(lesson.sections[0]!.id, 'v1-') });
      expect(response.status).toBe(200);
      body = await draft(trainer, created.id);
    }
    const published = await trainer.post(`/api/trainer/modules/${created.id}/publish`, { revision: body.revision });
    expect(published.status).toBe(201);
    const { versionId, number } = await published.json();
    expect(number).toBe(1);

    // The assign form lists it beside the built-in modules.
    const catalog = await (await trainer.get('/api/trainer/lessons')).json();
    expect(catalog.modules).toContainEqual({ id: `cm-${created.id}`, title: { ja: '公開テスト', en: '公開テスト' } });

    const cohort = (await (await trainer.post('/api/trainer/cohorts', { name: '自作モジュール班' })).json()).cohort;
    const assigned = await trainer.post(`/api/trainer/cohorts/${cohort.id}/assignments`, { modules: [`cm-${created.id}`], dueAt: new Date(Date.now() + 86_400_000).toISOString(), passMark: 0.6, questionCount: 3 });
    expect(assigned.status).toBe(200);
    const assignments = (await assigned.json()).assignments as { id: string; lessonId: string }[];
    expect(assignments.map((a) => a.lessonId)).toEqual([`cm-${versionId}-1`, `cm-${versionId}-2`]);

    // Editing and publishing again never changes what was assigned.
    for (const lesson of body.lessons) {
      body = await draft(trainer, created.id);
      const response = await put(trainer, `/api/trainer/modules/${created.id}/lessons/${lesson.id}/questions`, { revision: body.revisions[`questions:${lesson.id}`], questions: threeQuestions(lesson.sections[0]!.id, 'v2-') });
      expect(response.status).toBe(200);
    }
    body = await draft(trainer, created.id);
    expect((await trainer.post(`/api/trainer/modules/${created.id}/publish`, { revision: body.revision })).status).toBe(201);

    const { learner } = await joinAs(cohort.invitePath, '山田');
    const mine = await (await learner.get('/api/learner/assignments')).json();
    expect(mine.assignments.map((a: { lessonTitle: { ja: string } }) => a.lessonTitle.ja)).toEqual(['製品紹介', '導入']);
    const started = await learner.post('/api/learner/attempts', { assignmentId: assignments[0]!.id, locale: 'ja' });
    expect(started.status).toBe(201);
    const attempt = await started.json();
    expect(attempt.view.questions.every((q: { prompt: string }) => q.prompt.startsWith('v1-'))).toBe(true);
    expect(attempt.view).toMatchObject({ locale: 'ja', contentLang: 'ja' });
    // Taken from the English page, the questions are still the module's Japanese ones, and say so.
    const english = await learner.post('/api/learner/attempts', { assignmentId: assignments[1]!.id, locale: 'en' });
    expect(english.status).toBe(201);
    expect((await english.json()).view).toMatchObject({ locale: 'en', contentLang: 'ja' });
    const responses = await responsesFor(handle.db, attempt.attemptId, 1);
    const submitted = await learner.post(`/api/learner/attempts/${attempt.attemptId}/submit`, { clientSubmissionId: 'custom-1', responses });
    expect(submitted.status).toBe(200);
    expect((await submitted.json()).review).toMatchObject({ passed: true, percentage: 100, view: { contentLang: 'ja' } });

    // The dashboard's item analysis and the CSV export work unchanged.
    const dashboard = await (await trainer.get(`/api/trainer/cohorts/${cohort.id}`)).json();
    const items = dashboard.items.find((entry: { lessonId: string }) => entry.lessonId === `cm-${versionId}-1`);
    expect(items).toMatchObject({ lessonTitle: { ja: '製品紹介' }, sittings: 1 });
    expect(items.items.map((item: { conceptLabel: { ja: string } }) => item.conceptLabel.ja)).toContain('概要');
    const csv = await (await trainer.get(`/api/trainer/cohorts/${cohort.id}/export.csv?locale=ja`)).text();
    expect(csv).toContain('製品紹介');
    expect(csv).toContain('山田');
  });
});
