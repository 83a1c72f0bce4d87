import type { SpeechRenderer } from '../../../lib/narration/audio/renderer.ts';
import type { Requirement } from '../requirements.ts';
import { runTool } from '../run.ts';
import { readWrittenFile } from '../tempFile.ts';

/** Where Debian's packages put the dictionary and the voice. */
export const OPEN_JTALK_DEFAULTS = {
  binary: 'open_jtalk',
  dictionary: '/var/lib/mecab/dic/open-jtalk/naist-jdic',
  voice: '/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice',
} as const;

export type OpenJtalkOptions = { [K in keyof typeof OPEN_JTALK_DEFAULTS]?: string };

export function openJtalkRequirements(options: OpenJtalkOptions = {}): Requirement[] {
  const { binary, dictionary, voice } = { ...OPEN_JTALK_DEFAULTS, ...options };
  return [
    { what: 'the open_jtalk program', command: binary, debianPackage: 'open-jtalk' },
    { what: 'the Open JTalk dictionary', path: dictionary, debianPackage: 'open-jtalk-mecab-naist-jdic' },
    { what: 'the HTS voice NIT ATR503 M001', path: voice, debianPackage: 'hts-voice-nitech-jp-atr503-m001', component: 'contrib' },
  ];
}

/**
 * Japanese with Open JTalk and the HTS voice "NIT ATR503 M001" (CC BY 3.0, credited on
 * /credits/). The voice is trained at 48 kHz with a 240-sample frame period: a lower `-s`
 * without a matching `-p` plays at the wrong speed, so we synthesize at 48 kHz and resample later.
 */
export function createOpenJtalkRenderer(options: OpenJtalkOptions = {}): SpeechRenderer {
  const { binary, dictionary, voice } = { ...OPEN_JTALK_DEFAULTS, ...options };
  const settings = { samplingRate: 48_000, framePeriod: 240, speed: 1.0 };
  return {
    id: 'open-jtalk',
    voice: 'nitech-jp-atr503-m001',
    label: 'NIT ATR503 M001 (Open JTalk)',
    locale: 'ja',
    settings,
    async render(text) {
      const args = ['-x', dictionary, '-m', voice, '-s', String(settings.samplingRate), '-p', String(settings.framePeriod)];
      args.push('-r', String(settings.speed));
      // Open JTalk reads text line by line from stdin; one segment is one line.
      const line = text.replace(/\s*\n\s*/g, ' ') + '\n';
      const bytes = await readWrittenFile('segment.wav', (file) => runTool(binary, [...args, '-ow', file], line));
      return { bytes, format: 'wav' };
    },
  };
}
