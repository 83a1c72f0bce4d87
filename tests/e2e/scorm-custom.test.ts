/**
 * A trainer's own module, exported from the built server and run in a stand-in LMS: the trainer
 * publishes a two-lesson Japanese module with mixed question types, downloads the SCORM 1.2
 * package with the button on the editor page, and the package runs inside the scorm-again
 * harness, grading the test offline and reporting failed / passed with the right raw score.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeModuleTest } from '../../src/lib/scorm/moduleTest.ts';
import type { PackageData } from '../../src/lib/scorm/packageData.ts';
import { correctResponses } from '../unit/scorm/answers.ts';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { createTrainers, startServer, type RunningServer } from './support/server.ts';
import { launch, lms, preparePackageDir, takeTest } from './support/scormHarness.ts';
import { fakeLrs } from './support/fakeLrs.ts';
import { serveDirectory } from './support/staticServer.ts';

const EMAIL = 'e2e-scorm-custom@example.com';
const PASSWORD = 'e2e password 789';
const TITLE = '提案の基本：新人研修';
const MARKDOWN = '# 提案の準備\n\n## 課題\n\n御社の課題を最初に確かめます。\n\n# 提案の進め方\n\n## 手順\n\n課題、予算、決裁の順に確かめます。';

let dataDir: string;
let packageRoot: string;
let app: RunningServer;
let lmsServer: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let trainerContext: BrowserContext;
let trainer: Page;
let moduleId = '';
let zipBytes: Uint8Array;
let cmi5Bytes: Uint8Array;

const both = (text: string) => ({ ja: text, en: text });
const base = (sectionId: string, id: string, prompt: string) => ({ id, concept: `c-${id}`, difficulty: 1, section: both(`s-${sectionId}`), objective: 0, prompt: both(prompt), explanation: both('解説です。') });
const choices = (...texts: string[]) => texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text: both(text), explanation: both(`${text}の解説`) }));

/** Every question type a trainer's editor offers, in the banks' schema. */
function lessonQuestions(sectionId: string, prefix: string): unknown[] {
  return [
    { ...base(sectionId, `${prefix}single`, '最初に確かめることは？'), type: 'single', options: choices('お客様の課題', '値引きの幅'), answer: 'a' },
    { ...base(sectionId, `${prefix}multi`, '提案前に確かめることをすべて選んでください。'), type: 'multiple', options: choices('課題', '予算', '競合の悪口'), answer: ['a', 'b'] },
    { ...base(sectionId, `${prefix}num`, '月額5,000円を12か月続けると合計はいくらですか。'), type: 'numeric', answer: 60000, tolerance: { absolute: 0 }, unit: '¥' },
    { ...base(sectionId, `${prefix}order`, '確かめる順に並べてください。'), type: 'ordering', steps: [{ id: 'a', text: both('課題') }, { id: 'b', text: both('予算') }, { id: 'c', text: both('決裁') }] },
  ];
}

async function ok(response: APIResponse, status = 200): Promise<Record<string, unknown>> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ltv-e2e-scorm-custom-'));
  packageRoot = mkdtempSync(path.join(tmpdir(), 'ltv-e2e-scorm-custom-pkg-'));
  createTrainers(dataDir, [{ email: EMAIL, password: PASSWORD, name: '研修 担当' }]);
  app = await startServer({ LTV_DATA_DIR: dataDir });
  browser = await launchBrowser();
  trainerContext = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
  trainer = await trainerContext.newPage();

  // Set up through the API the editor uses (the editor's own UI is covered by authoring.test.ts).
  const headers = { origin: app.baseUrl };
  await ok(await trainer.request.post(`${app.baseUrl}/api/auth/login`, { data: { email: EMAIL, password: PASSWORD }, headers }));
  moduleId = String((await ok(await trainer.request.post(`${app.baseUrl}/api/trainer/modules`, { data: { title: TITLE, locale: 'ja', markdown: MARKDOWN }, headers }), 201)).id);
  const draft = (await ok(await trainer.request.get(`${app.baseUrl}/api/trainer/modules/${moduleId}`))) as {
    revisions: Record<string, number>;
    lessons: { id: string; sections: { id: string }[] }[];
  };
  for (const [i, lesson] of draft.lessons.entries()) {
    // Each lesson's test has its own revision (the editor publishes with the draft's).
    const body = { revision: draft.revisions[`questions:${lesson.id}`], questions: lessonQuestions(lesson.sections[0]!.id, `l${i + 1}`) };
    await ok(await trainer.request.put(`${app.baseUrl}/api/trainer/modules/${moduleId}/lessons/${lesson.id}/questions`, { data: body, headers }));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await lmsServer?.close();
  for (const dir of [dataDir, packageRoot]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('custom module → SCORM 1.2 package → LMS', () => {
  it('the editor offers the package only once published, then downloads it with the button', async () => {
    const errors = collectPageErrors(trainer);
    await trainer.goto(`${app.baseUrl}/trainer/modules/${moduleId}/`);
    await trainer.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const panel = trainer.getByTestId('custom-package-download');
    await expect.poll(() => panel.textContent()).toContain('公開すると、ここからダウンロードできます。');
    expect(await panel.locator('a').count()).toBe(0);

    // Publishing on the page makes version 1 downloadable without a reload.
    await trainer.getByTestId('publish').click();
    await trainer.getByText('第1版を公開しました').waitFor();
    const link = trainer.getByRole('link', { name: 'SCORM 1.2をダウンロード（第1版）' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/api/trainer/modules/${moduleId}/package?format=scorm12&version=1`);
    expect(await trainer.getByRole('link', { name: 'cmi5をダウンロード（第1版）' }).count()).toBe(1);
    expect(await seriousViolations(trainer)).toEqual([]);

    const [download] = await Promise.all([trainer.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('提案の基本_新人研修-v1-scorm12.zip');
    zipBytes = readFileSync((await download.path())!);
    const [cmi5Download] = await Promise.all([trainer.waitForEvent('download'), trainer.getByRole('link', { name: 'cmi5をダウンロード（第1版）' }).click()]);
    expect(cmi5Download.suggestedFilename()).toBe('提案の基本_新人研修-v1-cmi5.zip');
    cmi5Bytes = readFileSync((await cmi5Download.path())!);
    expect(errors).toEqual([]);
  });

  it('runs in the scorm-again harness and reports failed, then passed, with the raw scores it graded', async () => {
    const data: PackageData = await preparePackageDir(packageRoot, zipBytes);
    expect(data.title).toBe('提案の基本:新人研修');
    expect(data.masteryPercent).toBe(80);
    // Two lessons: four questions each, all drawn (5 per lesson at most).
    expect(data.questionsPerLesson).toBe(5);
    lmsServer = await serveDirectory(packageRoot);

    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const errors = collectPageErrors(page);
    const frame = await launch(page, lmsServer.baseUrl);
    expect(await frame.locator('body').getAttribute('data-ready')).toBe('scorm12');
    expect(await frame.locator('html').getAttribute('lang')).toBe('ja-JP');
    expect(await frame.locator('#lesson-0 h2').first().textContent()).toBe('提案の準備');
    // Narration: the recording when the server had rendered it before the download (it renders in
    // the background on publishing, where Open JTalk is installed), else the browser's speech.
    const recording = data.lessons[0]!.audio;
    if (recording) {
      expect(existsSync(path.join(packageRoot, 'pkg', recording)), recording).toBe(true);
      expect(await frame.locator('[data-listen="0"] audio').getAttribute('src')).toBe(recording);
    } else expect(await frame.locator('[data-listen="0"] button').textContent()).toBe('音声で聞く');

    await frame.evaluate(() => (location.hash = '#test'));
    await frame.waitForSelector('#module-test');
    expect(await frame.locator('#module-test fieldset').count()).toBe(8);

    // First attempt: three of eight right, the rest blank; the raw score is what the grader says.
    const first = await takeTest(frame, data, 3);
    const firstResponses = Object.fromEntries(Object.entries(correctResponses(first)).filter(([key]) => first.questions.slice(0, 3).some((q) => q.key === key)));
    const expected = gradeModuleTest(first, firstResponses, 'ja').percent;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(80);
    // The feedback names each question by its prompt, then the answers and why.
    const prompts = await frame.locator('.feedback__prompt').allInnerTexts();
    expect(prompts).toHaveLength(first.questions.length);
    prompts.forEach((prompt, i) => expect(prompt).toContain(first.questions[i]!.view.prompt));
    expect(prompts[0]).toMatch(/^正解/);
    expect(prompts.at(-1)).toMatch(/^不正解/);
    let received = await lms(page);
    expect(received.values['cmi.core.lesson_status']).toBe('failed');
    expect(Number(received.values['cmi.core.score.raw'])).toBe(expected);

    // Retake (new variant): all right, passed at 100.
    await frame.locator('#test-body button.secondary').click();
    await takeTest(frame, data, 8);
    received = await lms(page);
    expect(received.values['cmi.core.lesson_status']).toBe('passed');
    expect(received.values['cmi.core.score.raw']).toBe('100');
    expect(await frame.locator('#test-result').getAttribute('class')).toContain('passed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the cmi5 package, launched by a cmi5 LMS, reports initialized, failed, passed with the graded scores, and terminated', async () => {
    const root = path.join(packageRoot, 'cmi5');
    const data = await preparePackageDir(root, cmi5Bytes);
    const structure = readFileSync(path.join(root, 'pkg', 'cmi5.xml'), 'utf8');
    const activityId = /<au id="([^"]+)"/.exec(structure)![1]!;
    const auUrl = /<url>([^<]+)<\/url>/.exec(structure)![1]!;
    const lrs = fakeLrs();
    lrs.states.set('reg-1/LMS.LaunchData', JSON.stringify({ contextTemplate: { contextActivities: {}, extensions: {} }, launchMode: 'Normal', masteryScore: 0.8, moveOn: 'Passed' }));
    const server = await serveDirectory(root, lrs.hook);
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(lrs.launchUrl(server.baseUrl, `pkg/${auUrl}`, activityId));
      await page.waitForSelector('body[data-ready="cmi5"]');
      const verbs = () => lrs.statements.map((statement) => statement.verb.display['en-US']);
      await expect.poll(verbs).toEqual(['initialized']);
      expect(lrs.statements[0]!.object.id).toBe(activityId);

      await page.evaluate(() => (location.hash = '#test'));
      await page.waitForSelector('#module-test');
      const first = await takeTest(page.mainFrame(), data, 2);
      const firstResponses = Object.fromEntries(Object.entries(correctResponses(first)).filter(([key]) => first.questions.slice(0, 2).some((q) => q.key === key)));
      const failedScore = gradeModuleTest(first, firstResponses, 'ja').percent / 100;
      await expect.poll(verbs).toEqual(['initialized', 'failed']);
      expect(lrs.statements[1]!.result).toMatchObject({ success: false, score: { scaled: failedScore } });

      await page.locator('#test-body button.secondary').click();
      await takeTest(page.mainFrame(), data, 8);
      await expect.poll(verbs).toEqual(['initialized', 'failed', 'passed']);
      expect(lrs.statements[2]!.result).toMatchObject({ success: true, score: { scaled: 1 } });
      await page.goto('about:blank');
      await expect.poll(verbs).toEqual(['initialized', 'failed', 'passed', 'terminated']);
      expect(lrs.unauthorized()).toBe(0);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
