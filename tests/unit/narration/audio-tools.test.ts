import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIO_CREDITS, creditsForVoices } from '../../../src/lib/narration/audio/credits.ts';
import { createFliteRenderer } from '../../../src/server/audio/engines/flite.ts';
import { createOpenJtalkRenderer, openJtalkRequirements } from '../../../src/server/audio/engines/openJtalk.ts';
import { loadLessonNarrations } from '../../../src/server/audio/lessons.ts';
import { createProgress } from '../../../src/server/audio/progress.ts';
import { describeMissing, FFMPEG_REQUIREMENTS, missingRequirements } from '../../../src/server/audio/requirements.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'ltv-audio-tools-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('missing engines', () => {
  it('names every missing piece and the Debian package that installs it, contrib included', () => {
    const requirements = [
      ...openJtalkRequirements({ binary: 'no-such-open-jtalk', dictionary: path.join(temp, 'none'), voice: path.join(temp, 'none.htsvoice') }),
      ...FFMPEG_REQUIREMENTS,
    ];
    const missing = missingRequirements(requirements, temp);
    expect(missing.map((r) => r.debianPackage)).toEqual(['open-jtalk', 'open-jtalk-mecab-naist-jdic', 'hts-voice-nitech-jp-atr503-m001', 'ffmpeg', 'ffmpeg']);
    const lines = describeMissing(missing).join('\n');
    expect(lines).toContain('missing the open_jtalk program: Debian package open-jtalk');
    expect(lines).toContain("hts-voice-nitech-jp-atr503-m001 (in Debian's contrib component)");
    expect(lines).toContain('sudo apt-get install open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001 ffmpeg');
  });

  it('finds a program on the given PATH and a file that exists', () => {
    const bin = path.join(temp, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'ffmpeg'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(path.join(bin, 'ffprobe'), '#!/bin/sh\n', { mode: 0o755 });
    expect(missingRequirements(FFMPEG_REQUIREMENTS, bin)).toEqual([]);
    expect(describeMissing([])).toEqual([]);
  });
});

describe('credits', () => {
  it.each([createOpenJtalkRenderer(), createFliteRenderer()])('credit the engine and the voice of $id', (renderer) => {
    const ids = AUDIO_CREDITS.map((credit) => credit.id);
    expect(ids).toContain(renderer.id);
    // The engine's entry covers a voice it ships with (flite's slt); a separate voice has its own.
    expect(ids.some((id) => id.endsWith(renderer.voice)) || AUDIO_CREDITS.find((c) => c.id === renderer.id)!.work.includes(`"${renderer.voice}"`)).toBe(true);
  });
});

describe('progress', () => {
  const capture = (isTTY: boolean, env: NodeJS.ProcessEnv) => {
    let written = '';
    const progress = createProgress({ isTTY, columns: 80, write: (text: string) => (written += text) }, env);
    progress.start('synthesize', 20);
    for (let i = 0; i < 20; i++) progress.tick(`ja/lesson-${i}`);
    progress.done();
    return written;
  };

  it('prints plain lines, one per tenth, in CI', () => {
    const lines = capture(true, { CI: 'true' }).trim().split('\n');
    expect(lines[0]).toBe('synthesize: 20 to do');
    expect(lines.filter((line) => /^synthesize: \d+\/20 \(\d+%\)/.test(line))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^synthesize: 20\/20 done in/);
  });

  it('redraws one bar in place on a terminal', () => {
    const out = capture(true, {});
    expect(out).toContain('\r\x1b[2K');
    expect(out).toContain('synthesize [########################] 20/20 ja/lesson-19');
    // Only the closing summary ends a line; the bar itself is redrawn over.
    expect(out.match(/\n/g)).toHaveLength(1);
    expect(out.trimEnd().split('\r\x1b[2K').at(-1)).toMatch(/^synthesize: 20\/20 done in/);
  });
});

describe('loadLessonNarrations', () => {
  const content = path.join(temp, 'content');
  const write = (locale: string, name: string, text: string) => {
    mkdirSync(path.join(content, 'lessons', locale), { recursive: true });
    writeFileSync(path.join(content, 'lessons', locale, name), text);
  };
  const frontmatter = (id: string, extra = '') =>
    `---\nid: ${id}\nmodule: ltv-selling\norder: 1\ntitle: テスト\nsummary: 要約です。\nobjectives:\n  - 目標\nminutes: 1\n${extra}---\n`;

  it('builds segments like the lesson page and skips drafts', () => {
    write('ja', 'a.mdx', `${frontmatter('a')}\n## 見出し\n\n一つ目です。二つ目です。\n`);
    write('ja', 'b.mdx', `${frontmatter('b', 'draft: true\n')}\n本文です。\n`);
    const [lesson, ...others] = loadLessonNarrations(content, ['ja']);
    expect(others).toEqual([]);
    expect(lesson!.segments.map((s) => [s.index, s.blockId, s.spoken])).toEqual([
      [0, 'title', 'テスト'],
      [1, 'summary', '要約です。'],
      [2, 'objectives', 'このレッスンの目標'],
      [3, 'objectives.0', '目標'],
      [4, 'b0', '見出し'],
      [5, 'b1', '一つ目です。'],
      [6, 'b1', '二つ目です。'],
    ]);
  });

  it('names the file and the field when the frontmatter is wrong', () => {
    write('en', 'bad.mdx', '---\nid: bad\n---\nText.\n');
    expect(() => loadLessonNarrations(content, ['en'])).toThrow(/bad\.mdx: module: /);
  });
});

describe('creditsForVoices', () => {
  it('credits the offline engines, and Azure only when a recording was made with it', () => {
    const local = [{ engine: 'open-jtalk', id: 'nitech-jp-atr503-m001' }, { engine: 'flite', id: 'slt' }];
    expect(creditsForVoices(local)).toEqual(AUDIO_CREDITS);
    const withAzure = creditsForVoices([...local, { engine: 'azure', id: 'ja-JP-NanamiNeural' }, { engine: 'azure', id: 'en-US-AvaNeural' }, { engine: 'azure', id: 'ja-JP-NanamiNeural' }]);
    expect(withAzure).toHaveLength(AUDIO_CREDITS.length + 1);
    const azure = withAzure.at(-1)!;
    expect(azure.work).toBe('Microsoft Azure AI Speech, neural voices: en-US-AvaNeural, ja-JP-NanamiNeural');
    expect(azure.usedFor.ja).toContain('合成音声');
  });
});
