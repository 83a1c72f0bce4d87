/**
 * The narration player's cost and speed on the built site (`npm run build` first).
 * - Weight: what the player island adds to each lesson page's up-front JavaScript (gzip), i.e.
 *   the page's static closure with the player minus without it; and what it loads later, on
 *   demand (on first play, on opening the settings, when cloud voices are on).
 *   Budget (issue: Narration): <= 15 KB gzip added to a lesson page.
 * - The Azure library (web-speech-cognitive-services + Speech SDK) must be in no lesson page's
 *   static closure: it loads only when the server says cloud voices are on.
 * - Play to first utterance with the browser's engine (headless Chromium, a stand-in
 *   speechSynthesis that records when speak() is called). Target < 100 ms.
 * - Play to first audio with a recorded lesson (`npm run audio` before the build): the click
 *   to the `<audio>` element's `playing` event, on a second visit (manifest and MP3 in the
 *   browser's cache). Target < 150 ms.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, type Measurement } from './harness.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const client = path.join(repoRoot, 'dist/client');
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const asset = (url: string) => path.join(client, url.replace(/^\//, '').split('?')[0]!);

/** A JS file and everything it imports statically; dynamic imports go to `lazy`. */
function closure(entry: string, seen: Set<string>, lazy: Set<string>): void {
  if (seen.has(entry) || !existsSync(entry)) return;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const match of source.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    closure(path.resolve(path.dirname(entry), match[1]!), seen, lazy);
  }
  for (const match of source.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) lazy.add(path.resolve(path.dirname(entry), match[1]!));
}

function lessonPages(): string[] {
  return ['lessons', 'en/lessons'].flatMap((base) => {
    const dir = path.join(client, base);
    return existsSync(dir) ? readdirSync(dir).map((id) => path.join(dir, id, 'index.html')) : [];
  });
}

function weigh(): void {
  const rows: { page: string; added: number; total: number }[] = [];
  const lazy = new Set<string>();
  const azureOnPage: string[] = [];
  for (const page of lessonPages()) {
    const html = readFileSync(page, 'utf8');
    const islands = [...html.matchAll(/<astro-island[^>]*component-url="([^"]+)"[^>]*renderer-url="([^"]+)"/g)];
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => asset(match[1]!));
    const all = new Set<string>();
    const without = new Set<string>();
    const ignored = new Set<string>();
    for (const [, component, renderer] of islands) {
      const isPlayer = component!.includes('LessonPlayer');
      closure(asset(component!), all, isPlayer ? lazy : ignored);
      closure(asset(renderer!), all, ignored);
      if (!isPlayer) {
        closure(asset(component!), without, ignored);
        closure(asset(renderer!), without, ignored);
      }
    }
    for (const script of scripts) {
      closure(script, all, ignored);
      closure(script, without, ignored);
    }
    const sum = (files: Set<string>) => [...files].reduce((total, file) => total + gz(file), 0);
    rows.push({ page: path.relative(client, page), added: sum(all) - sum(without), total: sum(all) });
    if ([...all].some((file) => /cognitiveservices|createSpeechSynthesisPonyfill/.test(readFileSync(file, 'utf8')))) azureOnPage.push(page);
  }
  if (rows.length === 0) {
    console.log('  (no build found: run `npm run build` first)');
    return;
  }
  const largest = rows.reduce((a, b) => (b.added > a.added ? b : a));
  console.log(`  lesson pages measured: ${rows.length}`);
  console.log(`  player adds up front (gzip): largest ${kb(largest.added)} KB (${largest.page}); budget 15 KB`);
  // Chunks reached only through the player's dynamic imports, with what they pull in.
  const later = new Set<string>();
  const queue = [...lazy];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const deeper = new Set<string>();
    closure(file, later, deeper);
    queue.push(...[...deeper].filter((next) => !later.has(next)));
  }
  const upFront = new Set<string>();
  for (const page of lessonPages().slice(0, 1)) {
    const html = readFileSync(page, 'utf8');
    for (const match of html.matchAll(/component-url="([^"]+)"/g)) closure(asset(match[1]!), upFront, new Set());
  }
  for (const file of [...later].filter((file) => !upFront.has(file)).sort()) {
    const azure = /cognitiveservices/.test(readFileSync(file, 'utf8'));
    console.log(`  on demand: ${path.basename(file).padEnd(36)} ${kb(gz(file)).padStart(6)} KB${azure ? '  (cloud voices only)' : ''}`);
  }
  console.log(`  Azure library in a lesson page's static imports: ${azureOnPage.length === 0 ? 'no' : `YES (${azureOnPage.length} pages)`}`);
}

/** Click on Play to the engine's speak() call, in headless Chromium with a stand-in voice. */
async function firstUtterance(runs: number): Promise<Measurement[]> {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path.join(repoRoot, 'dist/server/entry.mjs')) || !existsSync(chromium)) return [];
  const { startServer } = await import('../tests/e2e/support/server.ts');
  const { launchBrowser } = await import('../tests/e2e/support/browser.ts');
  const server = await startServer();
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        const voices = [{ name: 'Kyoko', lang: 'ja-JP', voiceURI: 'Kyoko', localService: true, default: true }];
        const state = window as unknown as { spokeAt?: number; clickedAt?: number };
        const synthesis = Object.assign(new EventTarget(), {
          speaking: false,
          paused: false,
          getVoices: () => voices,
          speak: () => {
            state.spokeAt ??= performance.now();
          },
          cancel() {},
          pause() {},
          resume() {},
        });
        Object.defineProperty(window, 'speechSynthesis', { value: synthesis });
        Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: class extends EventTarget {} });
        addEventListener('click', () => (state.clickedAt ??= performance.now()), { capture: true });
      });
      // The browser's engine is measured: a recording the build may hold is hidden.
      await context.route('**/audio/**/*.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/lessons/what-is-ltv/`);
      await page.locator('astro-island:not([ssr]) [data-testid="player-toggle"]').click();
      await page.waitForFunction(() => (window as unknown as { spokeAt?: number }).spokeAt !== undefined);
      times.push(await page.evaluate(() => {
        const state = window as unknown as { spokeAt: number; clickedAt: number };
        return state.spokeAt - state.clickedAt;
      }));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return [
    {
      name: 'play → first utterance (native engine, headless Chromium)',
      runs: times.length,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      extra: { target: '< 100 ms' },
    },
  ];
}

/** Click on Play to the recording's `playing` event, with the lesson's files already cached. */
async function firstAudio(runs: number): Promise<Measurement[]> {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const lesson = 'what-is-ltv';
  if (!existsSync(path.join(client, 'audio/ja', `${lesson}.json`))) {
    console.log(`  (no recording of ${lesson} in dist: run \`npm run audio -- --lang ja --lesson ${lesson}\` and build, for play → first audio)`);
    return [];
  }
  if (!existsSync(path.join(repoRoot, 'dist/server/entry.mjs')) || !existsSync(chromium)) return [];
  const { startServer } = await import('../tests/e2e/support/server.ts');
  const { launchBrowser } = await import('../tests/e2e/support/browser.ts');
  const server = await startServer();
  const browser = await launchBrowser();
  const times: number[] = [];
  /** To the first `timeupdate` past 0 s: includes the audio output starting (slow headless, without a sound device). */
  const clock: number[] = [];
  try {
    // One context for every run: its HTTP cache is the warm cache of a returning learner.
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const state = window as unknown as { playingAt?: number; movedAt?: number; clickedAt?: number };
      // Media events do not bubble, but a capturing listener on the document sees them.
      document.addEventListener('playing', () => (state.playingAt ??= performance.now()), { capture: true });
      document.addEventListener(
        'timeupdate',
        (event) => {
          if (state.playingAt !== undefined && (event.target as HTMLMediaElement).currentTime > 0) state.movedAt ??= performance.now();
        },
        { capture: true },
      );
      addEventListener('click', () => (state.clickedAt ??= performance.now()), { capture: true });
    });
    const page = await context.newPage();
    for (let i = -1; i < runs; i++) {
      // Every visit starts at the top (no saved position), as the first one did.
      await page.evaluate(() => localStorage.clear()).catch(() => {});
      await page.goto(`${server.baseUrl}/lessons/${lesson}/`);
      await page.locator('astro-island:not([ssr]) [data-testid="lesson-player"][data-source="recording"]').waitFor();
      await page.getByTestId('player-toggle').click();
      await page.waitForFunction(() => (window as unknown as { movedAt?: number }).movedAt !== undefined);
      const [ms, moved] = await page.evaluate(() => {
        const state = window as unknown as { playingAt: number; movedAt: number; clickedAt: number };
        return [state.playingAt - state.clickedAt, state.movedAt - state.clickedAt];
      });
      await page.getByTestId('player-toggle').click();
      if (i >= 0) {
        times.push(ms); // run -1 fills the cache
        clock.push(moved!);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return [
    {
      name: 'play → first audio (recording, warm cache, headless Chromium)',
      runs: times.length,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      extra: { target: '< 150 ms', 'clock moving (median)': `${median(clock).toFixed(0)} ms` },
    },
  ];
}

export async function run({ quick }: { quick: boolean }): Promise<Measurement[]> {
  weigh();
  return [...(await firstUtterance(quick ? 3 : 10)), ...(await firstAudio(quick ? 3 : 10))];
}
