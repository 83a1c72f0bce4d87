/**
 * Builds /sw.js after `astro build`: esbuild bundles src/sw/sw.ts (Workbox included), then
 * workbox-build's injectManifest writes the precache list (file URLs with content revisions) into
 * it. `@vite-pwa/astro` does not support Astro 7, hence this small hook.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { PRECACHE_GLOBS, PRECACHE_HASHED, PRECACHE_IGNORES, precacheUrlOf } from '../lib/offline/precache.ts';

const swSource = fileURLToPath(new URL('../sw/sw.ts', import.meta.url));

export function serviceWorker(): AstroIntegration {
  return {
    name: 'ltv-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir);
        const work = await mkdtemp(path.join(tmpdir(), 'ltv-sw-'));
        try {
          const bundled = path.join(work, 'sw.js');
          await build({
            entryPoints: [swSource],
            bundle: true,
            format: 'iife',
            minify: true,
            target: 'es2022',
            outfile: bundled,
            // Workbox logs only in development builds.
            define: { 'process.env.NODE_ENV': '"production"' },
            logLevel: 'warning',
          });
          const { count, size, warnings } = await injectManifest({
            swSrc: bundled,
            swDest: path.join(clientDir, 'sw.js'),
            globDirectory: clientDir,
            globPatterns: PRECACHE_GLOBS,
            globIgnores: PRECACHE_IGNORES,
            manifestTransforms: [
              async (entries) => ({
                manifest: entries.map((entry) => {
                  const url = precacheUrlOf(entry.url);
                  return PRECACHE_HASHED.test(url) ? { ...entry, url, revision: null } : { ...entry, url };
                }),
                warnings: [],
              }),
            ],
          });
          for (const warning of warnings) logger.warn(warning);
          logger.info(`sw.js: ${count} files precached (${(size / 1e6).toFixed(2)} MB)`);
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      },
    },
  };
}
