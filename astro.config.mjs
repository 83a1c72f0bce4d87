// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import { keepNumbersTogether } from './src/lib/i18n/keepNumbersTogether.ts';
import { serviceWorker } from './src/integrations/serviceWorker.ts';

// Lesson pages are prerendered (static HTML, fast on a train); only routes that set
// `export const prerender = false` (the API) run on demand in the standalone Node server.
export default defineConfig({
  // The public origin: absolute URLs in podcast feeds, QR codes and hreflang links. Set SITE_URL
  // when building for a real host (e.g. SITE_URL=https://dojo.example.com npm run build).
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  // The adapter's own cap on request bodies (its default is 1 GiB). The API's JSON bodies are capped
  // at 32 KB while they are read (src/server/http/body.ts), trainers' uploads at 10 MB
  // (src/server/authoring/upload.ts); this stops anything else far earlier.
  adapter: node({ mode: 'standalone', bodySizeLimit: 11 * 1024 * 1024 }),
  integrations: [mdx(), preact(), serviceWorker()],
  server: { port: 4321 },
  i18n: {
    locales: ['ja', 'en'],
    defaultLocale: 'ja',
    routing: { prefixDefaultLocale: false },
  },
  security: { checkOrigin: true },
  // Lesson prose (Markdown and MDX): a number and its unit never split across lines on a phone.
  markdown: { processor: satteri({ hastPlugins: [/** @type {any} */ (keepNumbersTogether)] }) },
  vite: {
    // ES-module workers keep dynamic imports as real chunks: the workbench loads its .xlsx reader
    // only when someone opens a workbook.
    worker: { format: 'es' },
    build: {
      // Page scripts stay files in /_astro (allowed by the CSP's 'self', cached for good) instead of
      // small inline scripts: then the CSP hashes only Astro's island loader, and listen mode's
      // client-side router never needs its `data:` probe for a trailing inline module script,
      // which the CSP would refuse. Other assets keep Vite's default (inline under 4 KiB).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});
