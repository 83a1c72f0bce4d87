import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The calculator's text once it is hydrated (client:visible: it must be scrolled into view). */
async function hydratedCalculator(page: Page, lessonPath: string, id?: string) {
  await page.goto(server.baseUrl + lessonPath);
  const calculator = page.locator(id ? `[data-calculator="${id}"]` : '[data-calculator]').first();
  await calculator.scrollIntoViewIfNeeded();
  // Astro removes `ssr` from an island once it has hydrated.
  await calculator.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
  return calculator;
}

describe('each calculator responds to input', () => {
  it.each([
    { lesson: '/lessons/clv-formula/', id: 'clv', action: 'fill', control: 'input[type="text"]', value: '８，０００円', expect: '160,000' },
    { lesson: '/lessons/calculate-step-by-step/', id: 'group-clv', action: 'fill', control: 'input[type="text"]', value: '3,000,000', expect: null },
    { lesson: '/lessons/calculate-step-by-step/', id: 'pareto', action: 'fill', control: 'input[type="text"]', value: '50', expect: null },
    { lesson: '/lessons/why-clv-now/', id: 'ltv-cac', action: 'fill', control: 'input[type="text"]', value: '5', expect: null },
    { lesson: '/lessons/four-levers/', id: 'levers', action: 'slider', control: 'input[type="range"]', value: '50', expect: null },
    { lesson: '/lessons/uses-of-clv/', id: 'pareto', action: 'fill', control: 'input[type="text"]', value: '10', expect: null },
    { lesson: '/en/lessons/monitoring-clv/', id: 'monitoring', action: 'select', control: 'select', value: '', expect: null },
  ])('$id on $lesson', async ({ lesson, id, action, control, value, expect: expected }) => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const calculator = await hydratedCalculator(page, lesson, id);
    const before = await calculator.innerText();
    const input = calculator.locator(control).first();
    if (action === 'fill') await input.fill(value);
    else if (action === 'slider') await input.evaluate((element, next) => {
      const slider = element as HTMLInputElement;
      slider.value = next;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    else {
      const options = await input.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
      const current = await input.inputValue();
      await input.selectOption(options.find((option) => option !== current)!);
    }
    await page.waitForFunction(
      ([selector, text]) => (document.querySelector(selector) as HTMLElement).innerText !== text,
      [`[data-calculator="${id}"]`, before] as const,
    );
    if (expected) expect(await calculator.innerText()).toContain(expected);
    // The new state is in the URL, so the result can be shared.
    if (action !== 'select') await page.waitForURL(/\?.+=/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('shared calculator links', () => {
  it('restores a shared result from the URL', async () => {
    const page = await browser.newPage();
    const calculator = await hydratedCalculator(page, '/en/lessons/clv-formula/?clv.price=8000&clv.years=3');
    await page.waitForFunction(() => document.querySelector('[data-testid="clv-result"]')?.textContent === '¥96,000');
    expect(await calculator.locator('[data-testid="clv-result"]').innerText()).toBe('¥96,000');
    await page.close();
  });
});
