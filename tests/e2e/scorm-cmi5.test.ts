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
import { serveDirectory } from './support/staticServer.ts';

const TOKEN = 'dGVzdDp0b2tlbg==';
const statements: Record<string, any>[] = [];
const states = new Map<string, string>();
const fetchCalls: string[] = [];
let unauthorized = 0;

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
  server = await serveDirectory(root, (request, body, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/fetch' && request.method === 'POST') {
      fetchCalls.push(url.search);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ 'auth-token': TOKEN }));
      return true;
    }
    if (!url.pathname.startsWith('/xapi/')) return false;
    if (request.headers.authorization !== `Basic ${TOKEN}` || request.headers['x-experience-api-version'] !== '1.0.3') {
      unauthorized++;
      response.writeHead(401).end();
      return true;
    }
    if (url.pathname === '/xapi/statements' && request.method === 'POST') {
      statements.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    } else if (url.pathname === '/xapi/activities/state') {
      const key = `${url.searchParams.get('registration')}/${url.searchParams.get('stateId')}`;
      if (request.method === 'PUT') {
        states.set(key, body);
        response.writeHead(204).end();
      } else if (states.has(key)) response.writeHead(200, { 'content-type': 'application/json' }).end(states.get(key));
      else response.writeHead(404).end();
    } else response.writeHead(404).end();
    return true;
  });
  // What the LMS writes before launching (cmi5 10.2.1).
  states.set('reg-1/LMS.LaunchData', JSON.stringify({ contextTemplate: { contextActivities: { grouping: [{ id: 'urn:lms:course' }] }, extensions: {} }, launchMode: 'Normal', masteryScore: 0.8, moveOn: 'CompletedAndPassed' }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function launchUrl(): string {
  const query = new URLSearchParams({
    endpoint: `${server.baseUrl}/xapi/`,
    fetch: `${server.baseUrl}/fetch?launch=1`,
    actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'urn:lms', name: 'learner-1' } }),
    registration: 'reg-1',
    activityId: 'urn:ltv-dojo:au:ltv-selling:en',
  });
  return `${server.baseUrl}/au/index.html?${query}`;
}

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
    expect(unauthorized).toBe(0);
    // The one expected: the first launch asks for the AU's state document, and an LRS answers 404 (xAPI 2.7.3).
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
    await page.close();
  });

  it('in Review mode records no result, and Exit reports terminated and returns to the LMS', async () => {
    writeFileSync(path.join(root, 'returned.html'), '<!doctype html><title>LMS</title><p>Back in the LMS</p>');
    const launchData = JSON.parse(states.get('reg-1/LMS.LaunchData')!) as Record<string, unknown>;
    states.set('reg-1/LMS.LaunchData', JSON.stringify({ ...launchData, launchMode: 'Review', returnURL: '/returned.html?from=au' }));
    const before = statements.length;
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await open(page);
    expect(await page.locator('#lms-status').textContent()).toContain('Review mode (results are not recorded)');
    await page.evaluate(() => (location.hash = '#test'));
    await page.locator('#module-test button[type="submit"]').click();
    await page.waitForSelector('#test-result');

    const exit = page.getByRole('button', { name: 'Exit' });
    await exit.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.baseUrl}/returned.html?from=au`);
    const since = () => statements.slice(before).map((statement) => statement.verb.id);
    await expect.poll(since).toEqual([XAPI_VERBS.initialized, XAPI_VERBS.terminated]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
