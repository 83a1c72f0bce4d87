/**
 * An exported cmi5 package launched as a cmi5 LMS launches an AU: the launch URL carries endpoint,
 * fetch, actor, registration and activityId, and a fake LRS on the same server records the
 * statements and state documents the AU sends.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XAPI_VERBS } from '../../src/lib/scorm/runtimeCmi5.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { repoRoot } from './support/server.ts';
import { fakeLrs } from './support/fakeLrs.ts';
import { serveDirectory } from './support/staticServer.ts';

const lrs = fakeLrs();
const { statements, states, fetchCalls } = lrs;

let root: string;
let server: { baseUrl: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ltv-cmi5-e2e-'));
  const zipFile = path.join(root, 'package.zip');
  execFileSync(process.execPath, ['scripts/export-scorm.ts', 'ltv-selling', '--lang', 'en', '--format', 'cmi5', '--out', zipFile], { cwd: repoRoot, stdio: 'pipe' });
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    mkdirSync(path.dirname(path.join(root, 'au', name)), { recursive: true });
    writeFileSync(path.join(root, 'au', name), await entry.async('nodebuffer'));
  }
  server = await serveDirectory(root, lrs.hook);
  // What the LMS writes before launching (cmi5 10.2.1).
  states.set('reg-1/LMS.LaunchData', JSON.stringify({ contextTemplate: { contextActivities: { grouping: [{ id: 'urn:lms:course' }] }, extensions: {} }, launchMode: 'Normal', masteryScore: 0.8, moveOn: 'CompletedAndPassed' }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const launchUrl = () => lrs.launchUrl(server.baseUrl, 'au/index.html', 'urn:ltv-dojo:au:ltv-selling:en');

const verbs = () => statements.map((statement) => statement.verb.id);

async function open(page: Page): Promise<void> {
  await page.goto(launchUrl());
  await page.waitForSelector('body[data-ready="cmi5"]');
}

describe('cmi5 package launched by an LMS (fake LRS)', () => {
  it('sends initialized, completed, failed, terminated with the token, and resumes from its state', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await open(page);
    expect(fetchCalls).toEqual(['?launch=1']);
    await expect.poll(verbs).toEqual([XAPI_VERBS.initialized]);
    expect(statements[0]!.context.registration).toBe('reg-1');
    expect(statements[0]!.context.contextActivities.grouping).toEqual([{ id: 'urn:lms:course' }]);

    // Every lesson done: completed, once.
    for (let lesson = 0; lesson < 6; lesson++) {
      await page.evaluate((hash) => (location.hash = hash), `#lesson-${lesson}`);
      await page.locator(`[data-done="${lesson}"]`).click();
    }
    await page.waitForSelector('#module-test');
    await expect.poll(verbs).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.completed]);

    // A blank test: failed, scaled score 0, with the mastery score the LMS set.
    await page.locator('#module-test button[type="submit"]').click();
    await page.waitForSelector('#test-result');
    await expect.poll(verbs).toContain(XAPI_VERBS.failed);
    const failed = statements.find((statement) => statement.verb.id === XAPI_VERBS.failed)!;
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0 } });
    expect(failed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8);

    await page.goto('about:blank');
    await expect.poll(verbs).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.completed, XAPI_VERBS.failed, XAPI_VERBS.terminated]);
    expect(statements.at(-1)!.result.duration).toMatch(/^PT\d+\.\d{2}S$/);

    // Relaunch in the same registration: progress restored from the AU's state, no second completed.
    await open(page);
    expect(await page.locator('#lms-status').textContent()).toContain('Continuing');
    expect(await page.locator('#test.current').count()).toBe(1);
    await expect.poll(verbs).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.completed, XAPI_VERBS.failed, XAPI_VERBS.terminated, XAPI_VERBS.initialized]);
    expect(lrs.unauthorized()).toBe(0);
    // The one expected: the first launch asks for the AU's state document, and an LRS answers 404 (xAPI 2.7.3).
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
    await page.close();
  });

  it('in Review mode records no result, and Exit reports terminated and returns to the LMS', async () => {
    writeFileSync(path.join(root, 'returned.html'), '<!doctype html><title>LMS</title><p>Back in the LMS</p>');
    // A registration of its own: the first test's session may still be ending on reg-1.
    const launchData = JSON.parse(states.get('reg-1/LMS.LaunchData')!) as Record<string, unknown>;
    states.set('reg-2/LMS.LaunchData', JSON.stringify({ ...launchData, launchMode: 'Review', returnURL: '/returned.html?from=au' }));
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(lrs.launchUrl(server.baseUrl, 'au/index.html', 'urn:ltv-dojo:au:ltv-selling:en', 'reg-2'));
    await page.waitForSelector('body[data-ready="cmi5"]');
    expect(await page.locator('#lms-status').textContent()).toContain('Review mode (results are not recorded)');
    await page.evaluate(() => (location.hash = '#test'));
    await page.locator('#module-test button[type="submit"]').click();
    await page.waitForSelector('#test-result');

    const exit = page.getByRole('button', { name: 'Exit' });
    await exit.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.baseUrl}/returned.html?from=au`);
    const since = () => statements.filter((statement) => statement.context.registration === 'reg-2').map((statement) => statement.verb.id);
    await expect.poll(since).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.terminated]);
    // A first launch of reg-2: the LRS answers 404 for the AU's state document, as in the first test.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
    await page.close();
  });
});
