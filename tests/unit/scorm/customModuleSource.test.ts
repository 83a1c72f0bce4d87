/**
 * A published custom version as a package: the snapshot mapped to the package source, then the
 * zip built and its manifest parsed back field by field. The version here is built with the same
 * function publishing uses (buildSnapshot), with Japanese titles, a spoken version, a
 * pronunciation override and Markdown that tries to smuggle a script in.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { customLessonPage } from '../../../src/lib/authoring/lessonPage.ts';
import { buildSnapshot } from '../../../src/lib/authoring/publish.ts';
import type { ModuleSnapshot } from '../../../src/lib/authoring/schema.ts';
import { customQuestionsPerLesson, type PackageData } from '../../../src/lib/scorm/packageData.ts';
import { buildPackage } from '../../../src/server/scorm/buildPackage.ts';
import { customVersionSource } from '../../../src/server/scorm/customModuleSource.ts';
import type { PackagedAudio } from '../../../src/server/scorm/packageAudio.ts';
import { runtimeBundle } from '../../../src/server/scorm/runtimeBundle.ts';
import { children, only, parseXml } from './parseXml.ts';

const MODULE_ID = '0b7f3c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b';
const VERSION_ID = '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b';
const SECTION = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

const both = (text: string) => ({ ja: text, en: text });
function questions(sectionId: string, prefix: string) {
  return [1, 2, 3].map((n) => ({
    id: `${prefix}${n}`,
    type: 'single' as const,
    concept: `c${n}`,
    difficulty: 1,
    section: both(`s-${sectionId}`),
    objective: 0,
    prompt: both(`${prefix}-${n}：御社の強みは？`),
    options: [
      { id: 'a', text: both('継続率') },
      { id: 'b', text: both('広告'), explanation: both('広告費は獲得のコストです。') },
    ],
    answer: 'a',
    explanation: both('継続率です。'),
  }));
}

const snapshot: ModuleSnapshot = buildSnapshot(
  {
    id: MODULE_ID,
    title: '営業トーク入門 & "提案" <基礎>',
    locale: 'ja',
    pronunciations: [{ term: '御社', reading: 'おんしゃ' }],
    lessons: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        title: '製品紹介',
        sections: [
          { id: SECTION[0]!, heading: '概要', markdown: '御社の課題を解決します。<script>alert(1)</script>\n\n[危険](javascript:alert(1))', spoken: null },
          { id: SECTION[1]!, heading: '価格', markdown: '| プラン | 月額 |\n|---|---|\n| 基本 | 5,000円 |', spoken: '基本プランは月額五千円です。' },
        ],
        questions: questions(SECTION[0]!, 'p'),
      },
      { id: '55555555-5555-4555-8555-555555555555', title: '導入の流れ', sections: [{ id: SECTION[2]!, heading: '手順', markdown: '- 申込\n- 設定', spoken: null }], questions: questions(SECTION[2]!, 'd') },
    ],
  },
  VERSION_ID,
  3,
);

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  return { names: Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort(), text: (name: string) => zip.file(name)!.async('string') };
}
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
    expect(names).toEqual(['imsmanifest.xml', 'index.html', 'runtime.js', 'style.css']);
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
