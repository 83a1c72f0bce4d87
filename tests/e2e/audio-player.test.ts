import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { calculatorDescriptionsByLocale } from '../../src/lib/calculators/descriptions.ts';
import { lessonSchema } from '../../src/lib/course/schemas.ts';
import { audioManifestSchema, audioManifestUrl, type AudioManifest } from '../../src/lib/narration/audio/manifest.ts';
import { lessonScript } from '../../src/lib/narration/script.ts';
import { segmentBlocks } from '../../src/lib/narration/segment.ts';
import type { NarrationSegment } from '../../src/lib/narration/types.ts';
import { readLessons } from '../unit/content/helpers.ts';
import { collectPageErrors } from './support/browser.ts';
import { repoRoot, startServer, type RunningServer } from './support/server.ts';

/** The Japanese lessons of a module, in order. */
function moduleLessons(moduleId: string): string[] {
  return readLessons()
    .filter((lesson) => lesson.locale === 'ja' && lesson.frontmatter['module'] === moduleId && !lesson.frontmatter['draft'])
    .sort((a, b) => Number(a.frontmatter['order']) - Number(b.frontmatter['order']))
    .map((lesson) => String(lesson.frontmatter['id']));
}

/** The lesson's segments, as the build makes them for its page. */
function segmentsOf(id: string): NarrationSegment[] {
  const source = readLessons().find((lesson) => lesson.locale === 'ja' && lesson.frontmatter['id'] === id)!;
  const data = lessonSchema.parse(source.frontmatter);
  return segmentBlocks(lessonScript({ ...data, body: source.body, locale: 'ja', calculatorDescriptions: calculatorDescriptionsByLocale() }), 'ja');
}

/** The built site's manifest of a lesson, if `npm run audio` ran before `astro build`. */
function builtManifest(id: string): AudioManifest | undefined {
  const file = path.join(repoRoot, 'dist/client', audioManifestUrl('ja', id));
  return existsSync(file) ? audioManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
}

const [firstLesson, secondLesson] = moduleLessons('ltv-selling');
const manifest = builtManifest(firstLesson!);
const missingAudio = !manifest || !builtManifest(secondLesson!);
const HOW_TO_RENDER = `npm run audio -- --lang ja --lesson ${firstLesson} --lesson ${secondLesson} && npx astro build`;
if (missingAudio) console.warn(`audio-player E2E: recorded narration is missing from dist/; skipping the playback cases. Render it with: ${HOW_TO_RENDER}`);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  // Playback is started by clicks, but Chromium may hold a later `play()` (the next lesson's
  // file) without this; a phone allows it within a media session.
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page's one narration audio element, as the test sees it. */
const audioState = (page: Page) =>
  page.evaluate(() => {
    const all = document.querySelectorAll('audio');
    const audio = document.querySelector<HTMLAudioElement & { marker?: string }>('audio[data-testid="narration-audio"]');
    return audio
      ? { count: all.length, src: audio.src, paused: audio.paused, time: audio.currentTime, rate: audio.playbackRate, pitch: audio.preservesPitch, marker: audio.marker }
      : { count: all.length };
  });

describe('player layout on a phone (issue 13)', () => {
  it('keeps 「続きから再生」 inside its button, clear of the icon and the next button', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() =>
      localStorage.setItem('ltv-dojo:narration', JSON.stringify({ version: 1, rate: 1, voices: {}, positions: { 'ja/what-is-ltv': { index: 5, savedAt: 1 } } })),
    );
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
    const toggle = page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]');
    await expect.poll(() => toggle.innerText()).toContain('続きから');
    // Measured once the label and fonts have settled (a loaded machine may lay out late).
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const box = await toggle.evaluate((button) => {
      const rect = (element: Element) => element.getBoundingClientRect();
      const label = button.querySelector('.player__label')!;
      return {
        button: rect(button),
        label: rect(label),
        icon: rect(button.querySelector('svg')!),
        next: rect(button.nextElementSibling!),
        bar: rect(button.parentElement!),
      };
    });
    expect(box.label.right).toBeLessThanOrEqual(box.button.right);
    expect(box.icon.right).toBeLessThanOrEqual(box.label.left);
    expect(box.button.right).toBeLessThanOrEqual(box.next.left);
    expect(box.bar.width).toBeLessThanOrEqual(390);
    await context.close();
  });
});

describe.skipIf(missingAudio)(`recorded narration (needs: ${HOW_TO_RENDER})`, () => {
  const segments = segmentsOf(firstLesson!);
  const startOf = (index: number) => manifest!.segments[index]!.start;

  it('plays a lesson through <audio>: the highlight follows its clock, speed and seek move it', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/lessons/${firstLesson}/`);
    await page.locator('astro-island:not([ssr]) [data-testid="lesson-player"][data-source="recording"]').waitFor();
    await page.getByTestId('player-toggle').click();
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')?.currentTime ?? 0) > 0.3);
    const playing = await audioState(page);
    expect(playing).toMatchObject({ count: 1, paused: false });
    expect(new URL(playing.src!).pathname).toBe(manifest!.src);

    // The highlight follows the file's clock: jump into a paragraph's sentence.
    const target = segments.findIndex((segment, i) => i > 5 && segment.kind === 'paragraph');
    await page.evaluate((seconds) => {
      document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')!.currentTime = seconds;
    }, startOf(target) + 0.05);
    await expect.poll(() => page.getByTestId('player-seek').inputValue()).toBe(String(target));
    await expect.poll(() => page.locator('.narration-current').first().innerText()).toContain(segments[target]!.display.slice(0, 8));

    // Speed: the file plays faster, at the same pitch.
    await page.getByRole('button', { name: '設定' }).click();
    await page.getByTestId('player-speed').selectOption('1.5');
    await expect.poll(async () => (await audioState(page)).rate).toBe(1.5);
    expect((await audioState(page)).pitch).toBe(true);
    const voices = await page.getByTestId('player-voice').locator('option').allInnerTexts();
    expect(voices[1]).toBe(`録音音声（${manifest!.voice.label}）`);

    // Seek: the next section, then the seek bar, move the file's clock to those sentences.
    await page.getByRole('button', { name: '次の見出し' }).click();
    const section = Number(await page.getByTestId('player-seek').inputValue());
    expect(segments[section]!.kind).toBe('heading');
    expect((await audioState(page)).time).toBeGreaterThanOrEqual(startOf(section) - 0.01);
    await page.getByTestId('player-seek').fill('3');
    await expect.poll(async () => (await audioState(page)).time).toBeGreaterThanOrEqual(startOf(3));
    expect((await audioState(page)).time).toBeLessThan(startOf(4));
    expect((await audioState(page)).paused).toBe(false);

    await page.getByTestId('player-toggle').click();
    await expect.poll(async () => (await audioState(page)).paused).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('listen mode: one playback across pages, shown by the lesson page it plays, still playing on the home page', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/listen/ltv-selling/`);
    await page.locator('astro-island:not([ssr]) [data-testid="listen-dock"]').waitFor();
    // Each lesson's time is how long its recording plays (not its reading time).
    for (const [lesson, recording] of [firstLesson, secondLesson].map((id) => [id, builtManifest(id!)!] as const)) {
      expect(await page.locator(`[data-listen-lesson="${lesson}"] .listen__meta`).innerText()).toBe(`約${Math.max(1, Math.round(recording.duration / 60))}分`);
    }
    await page.getByTestId('listen-start').click();
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')?.currentTime ?? 0) > 0.3);
    await page.evaluate(() => {
      (document.querySelector('audio[data-testid="narration-audio"]') as HTMLAudioElement & { marker?: string }).marker = 'listen';
    });

    // The lesson page opened from listen mode shows that playback: same element, pause button, highlight.
    await page.locator(`[data-listen-lesson="${firstLesson}"] a`).click();
    await page.waitForURL(`**/lessons/${firstLesson}/`);
    await page.locator('astro-island:not([ssr]) [data-testid="lesson-player"]').waitFor();
    await expect.poll(() => page.getByTestId('player-toggle').innerText()).toContain('一時停止');
    await page.locator('.narration-current').first().waitFor();
    const onLesson = await audioState(page);
    expect(onLesson).toMatchObject({ count: 1, marker: 'listen', paused: false });
    const seekValue = Number(await page.getByTestId('player-seek').inputValue());
    const heard = manifest!.segments.findLastIndex((segment) => segment.start <= (onLesson.time ?? 0));
    expect(Math.abs(seekValue - heard)).toBeLessThanOrEqual(1);
    // Its Pause pauses the one playback (the dock agrees), and Play resumes it.
    await page.getByTestId('player-toggle').click();
    await expect.poll(async () => (await audioState(page)).paused).toBe(true);
    await expect.poll(() => page.getByTestId('listen-toggle').getAttribute('aria-label')).toBe('再生');
    await page.getByTestId('player-toggle').click();
    await expect.poll(async () => (await audioState(page)).paused).toBe(false);

    // Leaving the lesson page for the home page does not stop it: the same element plays on.
    await page.locator('a.back-link').first().click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('listen-dock').waitFor();
    const before = await audioState(page);
    expect(before).toMatchObject({ count: 1, marker: 'listen', paused: false });
    await expect.poll(async () => (await audioState(page)).time ?? 0, { timeout: 5000 }).toBeGreaterThan((before.time ?? 0) + 0.5);

    // At the end of the file, the next lesson's file starts from the `ended` event.
    await page.evaluate(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-testid="narration-audio"]')!;
      audio.currentTime = audio.duration - 0.3;
    });
    const second = builtManifest(secondLesson!)!;
    await expect.poll(async () => new URL((await audioState(page)).src ?? 'http://x/').pathname, { timeout: 5000 }).toBe(second.src);
    await expect.poll(async () => (await audioState(page)).time ?? 0, { timeout: 5000 }).toBeGreaterThan(0.2);
    expect((await audioState(page)).paused).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
