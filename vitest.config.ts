import { defineConfig } from 'vitest/config';

// One config, several projects: `npm test` runs the fast suites, `npm run test:e2e` the browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property checks over many seeds run for seconds on a loaded CI machine: a timeout is
          // not a speed target (those are in `npm run bench`).
          testTimeout: 20_000,
        },
      },
      {
        // Preact islands rendered in happy-dom; JSX compiled for Preact like Astro does.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Endpoint logic called with plain Requests, no server (src/server/**). Route files that
        // read content collections get them from disk (astro:content is virtual outside Astro).
        // The trainer/learner suites share one database server: files run one after another.
        resolve: { alias: { 'astro:content': new URL('./tests/api/support/astro-content.ts', import.meta.url).pathname } },
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 180_000,
          // Background work (a render claiming its row) can take over 1 s on a loaded CI machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll gives up after 1 s by default: a loaded CI machine may hydrate an island,
          // fetch a manifest or lay out a label later than that. A wrong value still fails, later.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
