/**
 * Page weight of the built site (`npm run build` first): for each lesson page, the gzip size of
 * the HTML + CSS and of all JavaScript it loads up front (scripts, island components, their
 * static imports; dynamic imports that load only on demand are listed apart).
 * Budgets (issue: the course): JS <= 60 KB gzip, HTML + CSS <= 50 KB gzip per lesson page.
 * Also names the largest page's biggest chunks, and any lesson page that loads zod's classic
 * build (a browser import of a schema that pulls in `zod` instead of `zod/mini` adds about 8 KB),
 * and any that loads the site's whole label dictionary (islands use i18n/islandUi, about 3 KB less).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Measurement } from './harness.ts';

const client = path.resolve(import.meta.dirname, '../dist/client');
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function assetPath(url: string): string {
  return path.join(client, url.replace(/^\//, '').split('?')[0]!);
}

/** zod's classic build names its base type `ZodType`; zod/mini has `ZodMiniType`, the core `$ZodType`. */
const ZOD_CLASSIC = /[`'"]ZodType[`'"]/;

/** A label only the site's full dictionary (src/lib/i18n/ui.ts) holds, never the islands' one. */
const SITE_LABELS = /['"]site\.tagline['"]/;

/** A JS file and every file it imports statically, transitively. */
function staticClosure(entry: string, seen: Set<string>): void {
  if (seen.has(entry) || !existsSync(entry)) return;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const match of source.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    staticClosure(path.resolve(path.dirname(entry), match[1]!), seen);
  }
}

/** Each lesson's page, or (with `sub`) its page below it, such as `quiz`, where it exists. */
function lessonPages(sub = ''): string[] {
  const pages: string[] = [];
  for (const base of ['lessons', 'en/lessons']) {
    const dir = path.join(client, base);
    if (!existsSync(dir)) continue;
    for (const id of readdirSync(dir)) pages.push(path.join(dir, id, sub, 'index.html'));
  }
  return pages.filter((page) => existsSync(page));
}

interface PageWeight {
  page: string;
  js: number;
  htmlCss: number;
  chunks: Set<string>;
}

/** What a page loads up front: its HTML and CSS, and every script with its static imports (gzip). */
function measurePage(page: string): PageWeight {
  const html = readFileSync(page, 'utf8');
  const css = [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((match) => assetPath(match[1]!));
  const entries = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => assetPath(match[1]!));
  // Inline module scripts import chunks too.
  for (const match of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const imported of match[1]!.matchAll(/["'](\/_astro\/[^"']+\.js)["']/g)) entries.push(assetPath(imported[1]!));
  }
  const js = new Set<string>();
  for (const entry of entries) staticClosure(entry, js);
  const inlineJs = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const jsBytes = [...js].reduce((sum, file) => sum + gz(file), 0);
  const htmlCss = gzipSync(html, { level: 9 }).length + css.reduce((sum, file) => sum + gz(file), 0);
  return { page: path.relative(client, page), js: jsBytes + (inlineJs ? gzipSync(inlineJs).length : 0), htmlCss, chunks: js };
}

export async function run(): Promise<Measurement[]> {
  const pages = lessonPages();
  if (!pages.length) {
    console.log('  (no build found: run `npm run build` first)');
    return [];
  }
  const rows = pages.map(measurePage);
  const largest = (key: 'js' | 'htmlCss') => rows.reduce((a, b) => (b[key] > a[key] ? b : a));
  const sorted = (key: 'js' | 'htmlCss') => rows.map((row) => row[key]).sort((a, b) => a - b);
  const medianOf = (values: number[]) => values[values.length >> 1]!;
  const js = largest('js');
  const htmlCss = largest('htmlCss');
  console.log(`  lesson pages measured: ${rows.length}`);
  console.log(`  JS gzip: median ${kb(medianOf(sorted('js')))} KB, largest ${kb(js.js)} KB (${js.page}); budget 60 KB`);
  console.log(`  HTML+CSS gzip: median ${kb(medianOf(sorted('htmlCss')))} KB, largest ${kb(htmlCss.htmlCss)} KB (${htmlCss.page}); budget 50 KB`);
  const biggest = [...js.chunks].map((file) => ({ name: path.basename(file), bytes: gz(file) })).sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  console.log(`  largest page's biggest chunks: ${biggest.map((chunk) => `${chunk.name} ${kb(chunk.bytes)} KB`).join(', ')}`);
  const classic = rows.filter((row) => [...row.chunks].some((file) => ZOD_CLASSIC.test(readFileSync(file, 'utf8'))));
  console.log(`  lesson pages loading zod classic: ${classic.length === 0 ? 'none' : `${classic.length} (${classic.map((row) => row.page).join(', ')}): import from zod/mini in browser code`}`);
  const quizzes = lessonPages('quiz').map(measurePage);
  if (quizzes.length) {
    const quizJs = quizzes.map((row) => row.js).sort((a, b) => a - b);
    console.log(`  quiz pages JS gzip: median ${kb(medianOf(quizJs))} KB, largest ${kb(quizJs[quizJs.length - 1]!)} KB (${quizzes.length} pages)`);
  }
  const labels = rows.filter((row) => [...row.chunks].some((file) => SITE_LABELS.test(readFileSync(file, 'utf8'))));
  console.log(`  lesson pages loading every site label: ${labels.length === 0 ? 'none' : `${labels.length} (${labels.map((row) => row.page).join(', ')}): islands import t from i18n/islandUi`}`);
  return [];
}
