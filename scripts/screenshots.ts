/**
 * Takes the README's screenshots from the built app in headless Chromium:
 * `npm run build && node scripts/screenshots.ts`. Phone and desktop viewports.
 */
import path from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { repoRoot, startServer } from '../tests/e2e/support/server.ts';

const shots = [
  { name: 'home-ja-desktop', path: '/', viewport: { width: 1280, height: 900 } },
  { name: 'home-ja-phone', path: '/', viewport: { width: 390, height: 844 } },
  { name: 'lesson-ja-phone', path: '/lessons/what-is-ltv/', viewport: { width: 390, height: 844 } },
  { name: 'home-en-desktop', path: '/en/', viewport: { width: 1280, height: 900 } },
  { name: 'calculator-levers-desktop', path: '/lessons/four-levers/', viewport: { width: 1280, height: 1400 }, calculator: 'levers' },
];

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: 1 });
    await page.goto(server.baseUrl + shot.path);
    if ('calculator' in shot) {
      const calculator = page.locator(`[data-calculator="${shot.calculator}"]`);
      await calculator.scrollIntoViewIfNeeded();
      await calculator.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
      await calculator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    }
    const file = path.join(repoRoot, 'docs/screenshots', `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
