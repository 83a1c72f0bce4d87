/**
 * A stand-in LMS for exported SCORM 1.2 packages: a harness page provides the SCORM 1.2 API from
 * scorm-again in the parent frame and opens the package's launch page in an iframe, as LMS players
 * do; helpers answer the drawn module test the way a learner would.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { drawModuleTest, type ModuleTest } from '../../../src/lib/scorm/moduleTest.ts';
import type { PackageData } from '../../../src/lib/scorm/packageData.ts';
import { correctResponses } from '../../unit/scorm/answers.ts';
import { repoRoot } from './server.ts';

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

export interface Lms {
  values: Record<string, string>;
  commits: number;
  finished: number;
}

/** Unzips the package into `<root>/pkg` beside the harness and scorm-again; returns the package's data. */
export async function preparePackageDir(root: string, zipBytes: Uint8Array): Promise<PackageData> {
  const zip = await JSZip.loadAsync(zipBytes);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const target = path.join(root, 'pkg', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  copyFileSync(path.join(repoRoot, 'node_modules/scorm-again/dist/scorm12.min.js'), path.join(root, 'scorm12.min.js'));
  writeFileSync(path.join(root, 'harness.html'), HARNESS);
  const html = readFileSync(path.join(root, 'pkg/index.html'), 'utf8');
  return JSON.parse(/<script type="application\/json" id="ltv-package">([\s\S]*?)<\/script>/.exec(html)![1]!) as PackageData;
}

/** Opens the harness (with the LMS's stored data on a relaunch) and waits for the package to start. */
export async function launch(page: Page, baseUrl: string, cmi?: unknown): Promise<Frame> {
  const query = cmi ? `?cmi=${encodeURIComponent(JSON.stringify(cmi))}` : '';
  await page.goto(`${baseUrl}/harness.html${query}`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('no package frame');
  await frame.waitForSelector('body[data-ready]');
  return frame;
}

export const lms = (page: Page) => page.evaluate(() => (window as unknown as { lms: Lms }).lms);

/** Answers the drawn test in the form: right for the first `rightCount` questions, blank after. */
export async function answer(frame: Frame, test: ModuleTest, rightCount: number): Promise<void> {
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

/** Re-creates the drawn test from the form's seed, answers `rightCount` questions right and submits. */
export async function takeTest(frame: Frame, data: PackageData, rightCount: number): Promise<ModuleTest> {
  const seed = Number(await frame.locator('#module-test').getAttribute('data-seed'));
  const test = drawModuleTest(data.banks, seed, data.questionsPerLesson, data.locale);
  expect(await frame.locator('#module-test fieldset').count()).toBe(test.questions.length);
  await answer(frame, test, rightCount);
  await frame.locator('#module-test button[type="submit"]').click();
  await frame.waitForSelector('#test-result');
  return test;
}
