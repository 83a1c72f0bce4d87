/**
 * An exported SCORM 1.2 package in a stand-in LMS: a harness page provides the SCORM 1.2 API from
 * scorm-again in the parent frame and opens the package's launch page in an iframe, as LMS players
 * do. The learner reads a lesson and takes the test twice; the test checks what the LMS received,
 * then relaunches with the LMS's stored data and checks the package resumes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageData } from '../../src/lib/scorm/packageData.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { repoRoot } from './support/server.ts';
import { launch, lms, preparePackageDir, takeTest } from './support/scormHarness.ts';
import { serveDirectory } from './support/staticServer.ts';

let root: string;
let server: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let data: PackageData;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ltv-scorm-e2e-'));
  const zipFile = path.join(root, 'package.zip');
  // The CLI, as an operator runs it.
  execFileSync(process.execPath, ['scripts/export-scorm.ts', 'ltv-selling', '--lang', 'ja', '--out', zipFile], { cwd: repoRoot, stdio: 'pipe' });
  data = await preparePackageDir(root, readFileSync(zipFile));
  server = await serveDirectory(root);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('SCORM 1.2 package in an LMS frame (scorm-again)', () => {
  it('reports status, score and suspend data, and resumes from them on relaunch', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const errors = collectPageErrors(page);
    const frame = await launch(page, server.baseUrl);
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
    await takeTest(frame, data, 6);
    received = await lms(page);
    expect(received.values['cmi.core.lesson_status']).toBe('failed');
    expect(Number(received.values['cmi.core.score.raw'])).toBe(50);
    expect([received.values['cmi.core.score.min'], received.values['cmi.core.score.max']]).toEqual(['0', '100']);

    // Retake (new variant), all right: passed at 100.
    await frame.locator('#test-body button.secondary').click();
    await takeTest(frame, data, 12);
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
    const again = await launch(page, server.baseUrl, stored);
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
