// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';

// Lesson pages are prerendered (static HTML, fast on a train); only routes that set
// `export const prerender = false` (the API) run on demand in the standalone Node server.
export default defineConfig({
  site: 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), preact()],
  server: { port: 4321 },
  i18n: {
    locales: ['ja', 'en'],
    defaultLocale: 'ja',
    routing: { prefixDefaultLocale: false },
  },
  security: { checkOrigin: true },
  // ES-module workers keep dynamic imports as real chunks: the workbench loads its .xlsx reader
  // only when someone opens a workbook.
  vite: { worker: { format: 'es' } },
});
