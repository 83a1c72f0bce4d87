/**
 * What the learner pages of a trainer's module show, and to whom: the lesson page (with its
 * module, for previous/next and the finished message), listen mode's playlist and the course
 * list's modules. Only a learner of a cohort the version is assigned to sees anything; no
 * session, another cohort's learner, an unassigned version or a malformed id all get null
 * (the pages then redirect to the course list).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackSegments } from '../../../src/lib/narration/browser/packedSegments.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { learnerHome, learnerLesson, learnerListen } from '../../../src/server/learner/pageGate.ts';
import { startTestApp, type Actor } from '../support/app.ts';
import { joinAs, side, signedInTrainer, type Side } from '../support/fixtures.ts';
import { draft, put, threeQuestions } from './support.ts';

const MARKDOWN = '# 製品紹介\n\n## 概要\n\n御社の課題を解決します。\n\n## 価格\n\n月額5,000円です。\n\n# 導入\n\n## 手順\n\n- 申込\n- 設定';

let handle: DatabaseHandle;
let trainer: Actor;
let other: Side;
let versionId: string;
let unassignedVersionId: string;
let mine: App.Locals;
let stranger: App.Locals;

const locals = (learnerId: string, cohortId: string) => ({ learner: { id: learnerId, name: 'x', cohortId, cohortName: 'x' } }) as App.Locals;
const key = (n: number, version = versionId) => `cm-${version}-${n}`;

async function publish(moduleId: string): Promise<string> {
  let body = await draft(trainer, moduleId);
  for (const lesson of body.lessons) {
    expect((await put(trainer, `/api/trainer/modules/${moduleId}/lessons/${lesson.id}/questions`, { revision: body.revisions[`questions:${lesson.id}`], questions: threeQuestions(lesson.sections[0]!.id) })).status).toBe(200);
    body = await draft(trainer, moduleId);
  }
  const published = await trainer.post(`/api/trainer/modules/${moduleId}/publish`, { revision: body.revision });
  expect(published.status).toBe(201);
  return (await published.json()).versionId;
}

beforeAll(async () => {
  handle = await startTestApp();
  ({ trainer } = await signedInTrainer(handle.db));
  const created = await (await trainer.post('/api/trainer/modules', { title: '研修モジュール', locale: 'ja', markdown: MARKDOWN })).json();
  versionId = await publish(created.id);
  const secret = await (await trainer.post('/api/trainer/modules', { title: '未割り当て', locale: 'ja', markdown: '# 秘密\n\n## 原価\n\n原価率は40%です。' })).json();
  unassignedVersionId = await publish(secret.id);

  const cohort = (await (await trainer.post('/api/trainer/cohorts', { name: '自作モジュール班' })).json()).cohort;
  const assigned = await trainer.post(`/api/trainer/cohorts/${cohort.id}/assignments`, { modules: [`cm-${created.id}`], dueAt: new Date(Date.now() + 86_400_000).toISOString(), passMark: 0.6, questionCount: 3 });
  expect(assigned.status).toBe(200);
  const { learnerId } = await joinAs(cohort.invitePath, '山田');
  mine = locals(learnerId, cohort.id);
  // Another trainer's cohort, with a built-in lesson assigned.
  other = await side(handle.db, 'B');
  stranger = locals(other.learnerId, other.cohortId);
});
afterAll(async () => handle.close());

describe('listen mode of an assigned custom module', () => {
  it('plays every assigned lesson in order, in the module’s language, linking to the page’s language', async () => {
    const listen = await learnerListen(mine, versionId, 'en');
    expect(listen).not.toBeNull();
    const { data, minutes } = listen!;
    expect(data).toMatchObject({ moduleId: expect.stringMatching(/^cm-/), moduleTitle: '研修モジュール', href: `/en/learn/listen/${versionId}/`, locale: 'ja' });
    expect(data.lessons.map((lesson) => [lesson.id, lesson.title, lesson.href])).toEqual([
      [key(1), '製品紹介', `/en/learn/lessons/${key(1)}/`],
      [key(2), '導入', `/en/learn/lessons/${key(2)}/`],
    ]);
    // The narration is the lesson page's: title, then each section's heading and text.
    expect(unpackSegments(data.lessons[0]!.segments).map((segment) => segment.display)).toEqual(['製品紹介', '概要', '御社の課題を解決します。', '価格', '月額5,000円です。']);
    expect(minutes).toEqual([1, 1]);
    expect((await learnerListen(mine, versionId, 'ja'))!.data.href).toBe(`/learn/listen/${versionId}/`);
  });

  it.each([
    ['no session', () => ({}) as App.Locals, () => versionId],
    ['another cohort’s learner', () => stranger, () => versionId],
    ['a published version assigned to nobody', () => mine, () => unassignedVersionId],
    ['a lesson key instead of a version id', () => mine, () => key(1)],
    ['a LIKE pattern', () => mine, () => '%'],
    ['an unknown uuid', () => mine, () => '00000000-0000-4000-8000-000000000000'],
    ['an upper-case copy of the id', () => mine, () => versionId.toUpperCase()],
  ])('shows nothing for %s', async (_name, who, id) => {
    expect(await learnerListen(who(), id(), 'ja')).toBeNull();
  });
});

describe('the lesson page of an assigned custom lesson', () => {
  it('comes with its module’s assigned lessons and each lesson’s assignment', async () => {
    const found = await learnerLesson(mine, key(2));
    expect(found?.view).toMatchObject({ key: key(2), title: '導入', moduleTitle: '研修モジュール', locale: 'ja', position: 2, lessonCount: 2 });
    expect(found?.module.lessons.map((lesson) => lesson.key)).toEqual([key(1), key(2)]);
    expect(found?.assignmentId).toBe(found?.module.lessons[1]!.assignmentId);
  });

  it.each([
    ['no session', () => ({}) as App.Locals, () => key(1)],
    ['another cohort’s learner', () => stranger, () => key(1)],
    ['an unassigned version', () => mine, () => key(1, unassignedVersionId)],
    ['a lesson past the module’s end', () => mine, () => key(3)],
    ['a built-in lesson', () => mine, () => 'clv-formula'],
    ['a version id', () => mine, () => versionId],
  ])('shows nothing for %s', async (_name, who, lessonKey) => {
    expect(await learnerLesson(who(), lessonKey())).toBeNull();
  });
});

describe('the course list', () => {
  it('groups the custom lessons as one module with its tests; other cohorts see none', async () => {
    const home = await learnerHome(mine);
    expect(home?.customModules).toEqual([
      {
        versionId,
        title: '研修モジュール',
        // Written in Japanese: English pages mark its titles lang="ja".
        lang: 'ja',
        lessons: home!.assignments.map((assignment) => ({ key: assignment.lessonId, title: assignment.lessonTitle.ja, assignmentId: assignment.assignmentId })),
      },
    ]);
    expect(home?.customModules[0]!.lessons.map((lesson) => lesson.key)).toEqual([key(1), key(2)]);
    expect((await learnerHome(stranger))?.customModules).toEqual([]);
    expect(await learnerHome({} as App.Locals)).toBeNull();
  });
});
