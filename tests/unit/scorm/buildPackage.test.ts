import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageData } from '../../../src/lib/scorm/packageData.ts';
import { buildPackage } from '../../../src/server/scorm/buildPackage.ts';
import { runtimeBundle } from '../../../src/server/scorm/runtimeBundle.ts';
import { SCORM12_SCHEMA_FILES } from '../../../src/server/scorm/scorm12Schemas.ts';
import { builtInModuleSource, type ModuleSource } from '../../../src/server/scorm/moduleSource.ts';
import { repoRoot } from '../quiz/helpers.ts';
import { children, only, parseXml } from './parseXml.ts';
import { unzip } from './unzip.ts';

const loader = builtInModuleSource(path.join(repoRoot, 'src/content'));
let audioRoot: string;
let source: ModuleSource;

beforeAll(async () => {
  // The first esbuild run takes seconds on a busy machine; the tests then reuse its bundle.
  await runtimeBundle();
  source = (await loader('ltv-selling', 'ja'))!;
  // One lesson with rendered narration: its manifest and MP3 as `npm run audio` writes them.
  audioRoot = mkdtempSync(path.join(tmpdir(), 'scorm-audio-'));
  mkdirSync(path.join(audioRoot, 'audio/ja'), { recursive: true });
  const manifest = {
    version: 1,
    lesson: 'what-is-ltv',
    lang: 'ja',
    src: '/audio/ja/what-is-ltv.abc123.mp3',
    duration: 1,
    voice: { engine: 'open-jtalk', id: 'm001', label: 'M001' },
    scriptHash: 'x',
    segments: [{ id: 0, block: 'title', start: 0, end: 1 }],
  };
  writeFileSync(path.join(audioRoot, 'audio/ja/what-is-ltv.json'), JSON.stringify(manifest));
  writeFileSync(path.join(audioRoot, 'audio/ja/what-is-ltv.abc123.mp3'), Buffer.from([0xff, 0xfb, 0x90, 0x00]));
}, 60_000);

afterAll(() => rmSync(audioRoot, { recursive: true, force: true }));

function packageData(html: string): PackageData {
  const json = /<script type="application\/json" id="ltv-package">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(json) as PackageData;
}

describe('builtInModuleSource', () => {
  it('reads a module with its lessons in order and their banks; unknown modules are null', async () => {
    expect(source.lessons.map((lesson) => lesson.id)[0]).toBe('what-is-ltv');
    expect(source.lessons).toHaveLength(6);
    expect(source.banks.map((bank) => bank.lesson)).toEqual(source.lessons.map((lesson) => lesson.id));
    expect(source.lessons[0]!.segments.length).toBeGreaterThan(10);
    expect(await loader('no-such-module', 'ja')).toBeNull();
    expect(await loader('../lessons', 'ja')).toBeNull();
  });
});

describe('buildPackage (SCORM 1.2)', () => {
  it('lists exactly the files in the zip, with the manifest and its XSDs at the root', async () => {
    const built = await buildPackage(source, { format: 'scorm12', audioRoot, version: 'v-test' });
    const { names, text } = await unzip(built.zip);
    expect(names).toContain('imsmanifest.xml');
    expect(names).not.toContain('cmi5.xml');
    for (const schema of SCORM12_SCHEMA_FILES) expect(names).toContain(schema);
    const resource = parseXml(await text('imsmanifest.xml')).getElementsByTagName('resource')[0]!;
    const listed = children(resource, 'file').map((file) => file.getAttribute('href')).sort();
    // The control documents (manifest and XSDs) are not files of the SCO; everything else is listed.
    const controlDocuments: string[] = ['imsmanifest.xml', ...SCORM12_SCHEMA_FILES];
    expect(listed).toEqual(names.filter((name) => !controlDocuments.includes(name)));
    expect(listed).toEqual(['audio/ja/what-is-ltv.abc123.mp3', 'index.html', 'runtime.js', 'style.css']);
    const item = parseXml(await text('imsmanifest.xml')).getElementsByTagName('item')[0]!;
    expect(only(item, 'adlcp:masteryscore').textContent).toBe('80');
    expect(built.audioLessons).toEqual(['what-is-ltv']);
  });

  it('the launch page uses only relative URLs and carries lessons, narration and banks', async () => {
    const built = await buildPackage(source, { format: 'scorm12', audioRoot });
    const { text } = await unzip(built.zip);
    const html = await text('index.html');
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(5);
    // Fragments, package-relative paths, and the empty data: icon (no request at all).
    for (const url of urls) expect(url, url).toMatch(/^(#|data:,$|[a-z0-9][\w./-]*$)/i);
    expect(html).not.toMatch(/<Calculator/);
    for (const lesson of source.lessons) expect(html).toContain(`>${lesson.title.replace(/&/g, '&amp;')}</h2>`);
    const data = packageData(html);
    expect(data.lessons[0]).toMatchObject({ id: 'what-is-ltv', audio: 'audio/ja/what-is-ltv.abc123.mp3' });
    expect(data.lessons[1]!.audio).toBeUndefined();
    expect(data.lessons[1]!.speech.length).toBeGreaterThan(10);
    expect(data.banks).toHaveLength(6);
    expect(data.masteryPercent).toBe(80);
  });

  it('the runtime is one classic script (no import/export statements)', async () => {
    const { text } = await unzip((await buildPackage(source, { format: 'scorm12' })).zip);
    const runtime = await text('runtime.js');
    expect(runtime).toMatch(/LMSInitialize/);
    expect(runtime).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('buildPackage (cmi5)', () => {
  it('has cmi5.xml at the root, launching index.html, and no SCORM manifest', async () => {
    const { names, text } = await unzip((await buildPackage(source, { format: 'cmi5' })).zip);
    expect(names).toEqual(['cmi5.xml', 'index.html', 'runtime.js', 'style.css']);
    const au = parseXml(await text('cmi5.xml')).getElementsByTagName('au')[0]!;
    expect(only(au, 'url').textContent).toBe('index.html');
    expect(au.getAttribute('masteryScore')).toBe('0.8');
  });
});
