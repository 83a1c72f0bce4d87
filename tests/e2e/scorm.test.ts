/**
 * An exported SCORM 1.2 package in a stand-in LMS: a harness page provides the SCORM 1.2 API from
 * scorm-again in the parent frame and opens the package's launch page in an iframe, as LMS players
 * do. The learner reads a lesson and takes the test twice; the test checks what the LMS received,
 * then relaunches with the LMS's stored data and checks the package resumes.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawModuleTest, type ModuleTest } from '../../src/lib/scorm/moduleTest.ts';
import type { PackageData } from '../../src/lib/scorm/packageData.ts';
import { correctResponses } from '../unit/scorm/answers.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { repoRoot } from './support/server.ts';
import { serveDirectory } from './support/staticServer.ts';

/** The stand-in LMS: keeps every value the SCO sets, and starts from `?cmi=<json>` on a relaunch. */
const HARNESS = `<!doctype html>
<html><head><meta charset="utf-8"><title>LMS harness</title><link rel="icon" href="data:,"><script src="scorm12.min.js"></script></head>
<body>
<script>
  const initial = new URLSearchParams(location.search).get('cmi');
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (initial) window.API.loadFromJSON(JSON.parse(initial));
  window.lms = { values: {}, commits: 0, finished: 0 };
  window.API.on('LMSSetValue.cmi.*', (element, value) => { window.lms.values[element] = value; });
  window.API.on('LMSCommit', () => { window.lms.commits++; });
  window.API.on('LMSFinish', () => { window.lms.finished++; });
  const frame = document.createElement('iframe');
  frame.src = 'pkg/index.html';
  frame.style.cssText = 'width:100%;height:90vh;border:0';
  document.body.append(frame);
</script>
</body></html>`;

interface Lms {
  values: Record<string, string>;
  commits: number;
  finished: number;
}

let root: string;
let server: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let data: PackageData;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ltv-scorm-e2e-'));
  const zipFile = path.join(root, 'package.zip');
  // The CLI, as an operator runs it.
  execFileSync(process.execPath, ['scripts/export-scorm.ts', 'ltv-selling', '--lang', 'ja', '--out', zipFile], { cwd: repoRoot, stdio: 'pipe' });
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const target = path.join(root, 'pkg', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  copyFileSync(path.join(repoRoot, 'node_modules/scorm-again/dist/scorm12.min.js'), path.join(root, 'scorm12.min.js'));
  writeFileSync(path.join(root, 'harness.html'), HARNESS);
  const html = readFileSync(path.join(root, 'pkg/index.html'), 'utf8');
  data = JSON.parse(/<script type="application\/json" id="ltv-package">([\s\S]*?)<\/script>/.exec(html)![1]!) as PackageData;
  server = await serveDirectory(root);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function launch(page: Page, cmi?: unknown): Promise<Frame> {
  const query = cmi ? `?cmi=${encodeURIComponent(JSON.stringify(cmi))}` : '';
  await page.goto(`${server.baseUrl}/harness.html${query}`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('no package frame');
  await frame.waitForSelector('body[data-ready]');
  return frame;
}

const lms = (page: Page) => page.evaluate(() => (window as unknown as { lms: Lms }).lms);

/** Answers the drawn test in the form: right for the first `rightCount` questions, blank after. */
async function answer(frame: Frame, test: ModuleTest, rightCount: number): Promise<void> {
  const right = correctResponses(test);
  for (const question of test.questions.slice(0, rightCount)) {
    const fieldset = frame.locator(`fieldset[data-key="${question.key}"]`);
    const response = right[question.key];
    switch (question.view.type) {
      case 'single':
      case 'scenario':
        await fieldset.locator(`input[value="${response}"]`).check();
        break;
      case 'multiple':
        for (const position of response as number[]) await fieldset.locator(`input[value="${position}"]`).check();
        break;
      case 'true-false':
        await fieldset.locator(`input[value="${response}"]`).check();
        break;
      case 'ordering': {
        // response: display positions in the right order; the select of step p takes p's place.
        const order = response as number[];
        for (let position = 0; position < order.length; position++) {
          await fieldset.locator('select').nth(position).selectOption(String(order.indexOf(position)));
        }
        break;
      }
      default:
        await fieldset.locator('input[type="text"]').fill(String(response));
    }
  }
}

async function takeTest(frame: Frame, rightCount: number): Promise<void> {
  const seed = Number(await frame.locator('#module-test').getAttribute('data-seed'));
  const test = drawModuleTest(data.banks, seed, data.questionsPerLesson, data.locale);
  expect(await frame.locator('#module-test fieldset').count()).toBe(test.questions.length);
  await answer(frame, test, rightCount);
  await frame.locator('#module-test button[type="submit"]').click();
  await frame.waitForSelector('#test-result');
}

describe('SCORM 1.2 package in an LMS frame (scorm-again)', () => {
  it('reports status, score and suspend data, and resumes from them on relaunch', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const errors = collectPageErrors(page);
    const frame = await launch(page);
    expect(await frame.locator('body').getAttribute('data-ready')).toBe('scorm12');
    expect((await lms(page)).values['cmi.core.lesson_status']).toBe('incomplete');

    // Read the first lesson and mark it done: the next lesson opens.
    await frame.locator('a[href="#lesson-0"]').first().click();
    await frame.locator('[data-done="0"]').click();
    await frame.waitForSelector('#lesson-1.current');
    let received = await lms(page);
    expect(received.values['cmi.core.lesson_location']).toBe('lesson:1');
    expect(received.values['cmi.suspend_data']).toMatch(/^v1\|d=0\|l=L1@/);

    // First attempt: half right, below the 80% mastery score.
    await frame.evaluate(() => (location.hash = '#test'));
    await frame.waitForSelector('#module-test');
    await takeTest(frame, 6);
    received = await lms(page);
    expect(received.values['cmi.core.lesson_status']).toBe('failed');
    expect(Number(received.values['cmi.core.score.raw'])).toBe(50);
    expect([received.values['cmi.core.score.min'], received.values['cmi.core.score.max']]).toEqual(['0', '100']);

    // Retake (new variant), all right: passed at 100.
    await frame.locator('#test-body button.secondary').click();
    await takeTest(frame, 12);
    received = await lms(page);
    expect(received.values['cmi.core.lesson_status']).toBe('passed');
    expect(received.values['cmi.core.score.raw']).toBe('100');
    expect(await frame.locator('#test-result').getAttribute('class')).toContain('passed');

    // Go on to lesson 3, then leave: the SCO finishes with exit=suspend.
    await frame.evaluate(() => (location.hash = '#lesson-2'));
    await frame.waitForSelector('#lesson-2.current');
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(async () => (await lms(page)).finished).toBe(1);
    received = await lms(page);
    expect(received.values['cmi.core.exit']).toBe('suspend');
    expect(received.values['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    const suspendData = received.values['cmi.suspend_data']!;
    expect(suspendData).toMatch(/^v1\|d=0\|l=L2@[0-9.]+\|b=100\|p=1\|a=2$/);
    expect(suspendData.length).toBeLessThan(4096);

    // Relaunch with what the LMS stored: the package opens lesson 3 with lesson 1 marked done.
    const stored = {
      core: { lesson_status: received.values['cmi.core.lesson_status'], lesson_location: received.values['cmi.core.lesson_location'], entry: 'resume' },
      suspend_data: suspendData,
    };
    const again = await launch(page, stored);
    await again.waitForSelector('#lesson-2.current');
    expect(await again.locator('#lms-status').textContent()).toContain('前回の続き');
    expect(await again.locator('[data-done-mark="0"]').textContent()).toContain('✓');
    expect(await again.locator('[data-done-mark="1"]').textContent()).toBe('');
    // Passed stays passed on the relaunch; nothing was downgraded.
    expect(await page.evaluate(() => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue('cmi.core.lesson_status'))).toBe('passed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs standalone (no LMS API) and says so', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/pkg/index.html#lesson-0`);
    await page.waitForSelector('body[data-ready="standalone"]');
    expect(await page.locator('#lesson-0').getAttribute('class')).toContain('current');
    expect(await page.locator('#lms-status').textContent()).toContain('LMSなし');
    expect(errors).toEqual([]);
    await page.close();
  });
});
