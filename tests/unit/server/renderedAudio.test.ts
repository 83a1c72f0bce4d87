import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderedLesson } from '../../../src/server/podcast/renderedAudio.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ltv-audio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (lesson: string, overrides: object = {}) =>
  JSON.stringify({
    version: 1,
    lesson,
    lang: 'ja',
    src: `/audio/ja/${lesson}.0123456789abcdef.mp3`,
    duration: 3,
    voice: { engine: 'open-jtalk', id: 'm001', label: 'M001' },
    scriptHash: 'abc',
    segments: [{ id: 0, block: 'title', start: 0, end: 3 }],
    ...overrides,
  });

mkdirSync(path.join(dir, 'ja'));
writeFileSync(path.join(dir, 'ja/complete.json'), manifest('complete'));
writeFileSync(path.join(dir, 'ja/complete.0123456789abcdef.mp3'), Buffer.alloc(4321));
writeFileSync(path.join(dir, 'ja/no-mp3.json'), manifest('no-mp3'));
writeFileSync(path.join(dir, 'ja/other-lesson.json'), manifest('complete'));
writeFileSync(path.join(dir, 'ja/broken.json'), '{"version":1');
writeFileSync(path.join(dir, 'ja/empty-mp3.json'), manifest('empty-mp3'));
writeFileSync(path.join(dir, 'ja/empty-mp3.0123456789abcdef.mp3'), '');

describe('renderedLesson', () => {
  it('reads a lesson whose manifest and MP3 exist, with the MP3’s true size', () => {
    const found = renderedLesson('ja', 'complete', dir);
    expect(found?.mp3Bytes).toBe(4321);
    expect(found?.manifestUrl).toBe('/audio/ja/complete.json');
    expect(found?.manifest.src).toBe('/audio/ja/complete.0123456789abcdef.mp3');
    expect(found?.manifestBytes).toBe(Buffer.byteLength(manifest('complete')));
  });

  it.each([
    { lesson: 'no-mp3', why: 'the MP3 it names is missing' },
    { lesson: 'other-lesson', why: 'the manifest is another lesson’s' },
    { lesson: 'broken', why: 'the manifest does not parse' },
    { lesson: 'empty-mp3', why: 'the MP3 is empty' },
    { lesson: 'absent', why: 'there is no manifest' },
  ])('is undefined when $why ($lesson)', ({ lesson }) => {
    expect(renderedLesson('ja', lesson, dir)).toBeUndefined();
  });

  it('is undefined in another language', () => {
    expect(renderedLesson('en', 'complete', dir)).toBeUndefined();
  });
});
