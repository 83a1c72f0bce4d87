/**
 * A published custom version as a package: the snapshot mapped to the package source, then the
 * zip built and its manifest parsed back field by field. The version (customSnapshot.ts) is built
 * with the same function publishing uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { customLessonPage } from '../../../src/lib/authoring/lessonPage.ts';
import { customQuestionsPerLesson, type PackageData } from '../../../src/lib/scorm/packageData.ts';
import { buildPackage } from '../../../src/server/scorm/buildPackage.ts';
import { customVersionSource } from '../../../src/server/scorm/customModuleSource.ts';
import type { PackagedAudio } from '../../../src/server/scorm/packageAudio.ts';
import { runtimeBundle } from '../../../src/server/scorm/runtimeBundle.ts';
import { SCORM12_SCHEMA_FILES } from '../../../src/server/scorm/scorm12Schemas.ts';
import { MODULE_ID, snapshot, VERSION_ID } from './customSnapshot.ts';
import { children, only, parseXml } from './parseXml.ts';
import { unzip } from './unzip.ts';

const packageData = (html: string) => JSON.parse(/<script type="application\/json" id="ltv-package">([\s\S]*?)<\/script>/.exec(html)![1]!) as PackageData;

beforeAll(async () => {
  await runtimeBundle();
}, 60_000);

describe('customVersionSource', () => {
  const source = customVersionSource(snapshot);

  it('names the package after the module and its lessons by the keys assignments use', () => {
    expect(source).toMatchObject({ id: `cm-${MODULE_ID}`, locale: 'ja', title: '営業トーク入門 & "提案" <基礎>', version: '3' });
    expect(source.summary).toBe('レッスン2本と理解度テスト（第3版）。');
    expect(source.lessons.map((lesson) => [lesson.id, lesson.title])).toEqual([
      [`cm-${VERSION_ID}-1`, '製品紹介'],
      [`cm-${VERSION_ID}-2`, '導入の流れ'],
    ]);
    expect(source.banks.map((bank) => bank.lesson)).toEqual(source.lessons.map((lesson) => lesson.id));
    expect(source.questionsPerLesson).toBe(customQuestionsPerLesson(2));
  });

  it('reads and shows exactly what the app does: same segments (pronunciations applied), sanitized HTML', () => {
    const app = customLessonPage({ title: '製品紹介', sections: snapshot.lessons[0]!.sections, locale: 'ja', pronunciations: snapshot.pronunciations });
    const lesson = source.lessons[0]!;
    expect(lesson.segments).toEqual(app.segments);
    expect(lesson.html).toBe(app.html);
    expect(lesson.segments.map((segment) => segment.spoken).join('')).toContain('おんしゃの課題');
    expect(lesson.segments.map((segment) => segment.spoken).join('')).toContain('基本プランは月額五千円です。');
    expect(lesson.html).not.toMatch(/<script|javascript:/i);
  });
});

describe('customQuestionsPerLesson', () => {
  it.each([
    // ceil(12 / lessons), at least 2, at most the app's lesson test of 5.
    [1, 5],
    [2, 5],
    [3, 4],
    [4, 3],
    [6, 2],
    [20, 2],
  ])('%d lessons → %d questions each', (lessons, expected) => {
    expect(customQuestionsPerLesson(lessons)).toBe(expected);
  });
});

describe('a custom version as a SCORM 1.2 package', () => {
  it('has a manifest with the Japanese title intact, the version, and the mastery score from the pass mark', async () => {
    const strict = { ...snapshot, lessons: snapshot.lessons.map((lesson) => ({ ...lesson, bank: { ...lesson.bank, passMark: 0.7 } })) };
    strict.lessons[1]!.bank.passMark = 0.75;
    const { names, text } = await unzip((await buildPackage(customVersionSource(strict), { format: 'scorm12' })).zip);
    expect(names).toEqual(['imsmanifest.xml', 'index.html', 'runtime.js', 'style.css', ...SCORM12_SCHEMA_FILES].sort());
    const manifest = parseXml(await text('imsmanifest.xml')).documentElement;
    expect(manifest.getAttribute('identifier')).toBe(`MANIFEST-ltv-dojo-cm-${MODULE_ID}-ja`);
    expect(manifest.getAttribute('version')).toBe('3');
    const organization = only(only(manifest, 'organizations'), 'organization');
    expect(only(organization, 'title').textContent).toBe('営業トーク入門 & "提案" <基礎>');
    // One SCO for the module (see scorm12Manifest.ts): both lessons and the test live in it.
    const items = children(organization, 'item');
    expect(items).toHaveLength(1);
    expect(only(items[0]!, 'title').textContent).toBe('営業トーク入門 & "提案" <基礎>');
    // The strictest lesson's pass mark, as for built-in modules.
    expect(only(items[0]!, 'adlcp:masteryscore').textContent).toBe('75');
    const resource = only(only(manifest, 'resources'), 'resource');
    expect(resource.getAttribute('adlcp:scormtype')).toBe('sco');
    expect(resource.getAttribute('href')).toBe('index.html');
    expect(children(resource, 'file').map((file) => file.getAttribute('href'))).toEqual(['index.html', 'runtime.js', 'style.css']);

    const html = await text('index.html');
    expect(html).toContain('<html lang="ja-JP">');
    expect(html).toContain('<title>営業トーク入門 &amp; &quot;提案&quot; &lt;基礎&gt;</title>');
    expect([...html.matchAll(/<section class="lesson" id="lesson-(\d)"[^>]*>\s*<h2>([^<]*)<\/h2>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['0', '製品紹介'],
      ['1', '導入の流れ'],
    ]);
    expect(html).not.toMatch(/<script>alert|javascript:/);
    expect(html).not.toContain('class="summary"');
    const data = packageData(html);
    expect(data.masteryPercent).toBe(75);
    expect(data.questionsPerLesson).toBe(5);
    expect(data.banks.map((bank) => bank.questions.length)).toEqual([3, 3]);
    expect(data.lessons.every((lesson) => lesson.audio === undefined && lesson.speech.length > 0)).toBe(true);
  });

  it('ships recorded audio from a plugged-in finder, and browser speech for the other lessons', async () => {
    const asked: string[] = [];
    const audio = async (locale: string, lessonId: string): Promise<PackagedAudio | null> => {
      asked.push(`${locale}:${lessonId}`);
      return lessonId.endsWith('-2') ? { packagePath: `audio/ja/${lessonId}.f00d.mp3`, bytes: Uint8Array.from([0xff, 0xfb, 0x90, 0]) } : null;
    };
    const built = await buildPackage(customVersionSource(snapshot), { format: 'scorm12', audio });
    expect(asked).toEqual([`ja:cm-${VERSION_ID}-1`, `ja:cm-${VERSION_ID}-2`]);
    expect(built.audioLessons).toEqual([`cm-${VERSION_ID}-2`]);
    const { names, text } = await unzip(built.zip);
    expect(names).toContain(`audio/ja/cm-${VERSION_ID}-2.f00d.mp3`);
    const data = packageData(await text('index.html'));
    expect(data.lessons.map((lesson) => lesson.audio)).toEqual([undefined, `audio/ja/cm-${VERSION_ID}-2.f00d.mp3`]);
  });
});

describe('a custom version as a cmi5 package', () => {
  it('has one AU with the Japanese title, a 0..1 mastery score and the lessons in its description', async () => {
    const { text } = await unzip((await buildPackage(customVersionSource(snapshot), { format: 'cmi5' })).zip);
    const structure = parseXml(await text('cmi5.xml')).documentElement;
    const course = only(structure, 'course');
    expect(course.getAttribute('id')).toBe(`urn:ltv-dojo:course:cm-${MODULE_ID}:ja`);
    expect(only(only(course, 'title'), 'langstring').textContent).toBe('営業トーク入門 & "提案" <基礎>');
    const au = only(structure, 'au');
    expect(au.getAttribute('masteryScore')).toBe('0.8');
    expect(au.getAttribute('moveOn')).toBe('CompletedAndPassed');
    expect(only(only(au, 'description'), 'langstring').textContent).toBe('レッスン2本と理解度テスト（第3版）。\n1. 製品紹介\n2. 導入の流れ');
  });
});

describe('a custom version with pictures', () => {
  const stored = '0b6f0c1e-4f6a-4c3e-9a0e-6c2f2a7d1e11';
  const unknown = '00000000-0000-4000-8000-000000000000';
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const withPictures = {
    ...snapshot,
    lessons: snapshot.lessons.map((lesson, i) =>
      i === 0 ? { ...lesson, sections: [{ ...lesson.sections[0]!, markdown: `${lesson.sections[0]!.markdown}\n\n![継続率のグラフ](/api/custom-images/${stored})\n\n![消えた図](/api/custom-images/${unknown})` }, ...lesson.sections.slice(1)] } : lesson,
    ),
  };

  it.each(['scorm12', 'cmi5'] as const)('%s: ships each stored picture under images/, listed, with the page pointing at it; an unknown one is left out', async (format) => {
    const source = customVersionSource(withPictures, new Map([[stored, { contentType: 'image/png', bytes: png }]]));
    const built = await buildPackage(source, { format });
    const { names, text, bytes } = await unzip(built.zip);
    expect(names).toContain(`images/${stored}.png`);
    expect(built.files).toContain(`images/${stored}.png`);
    expect(Buffer.from(await bytes(`images/${stored}.png`)).equals(Buffer.from(png))).toBe(true);
    const html = await text('index.html');
    expect(html).toContain(`<img src="images/${stored}.png" alt="継続率のグラフ">`);
    expect(html).not.toContain('/api/custom-images/');
    expect(html).not.toContain('消えた図');
    if (format === 'scorm12') expect(await text('imsmanifest.xml')).toContain(`href="images/${stored}.png"`);
  });
});
