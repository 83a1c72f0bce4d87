import type { SpeechRenderer } from '../../../lib/narration/audio/renderer.ts';
import type { Requirement } from '../requirements.ts';
import { runTool } from '../run.ts';
import { readWrittenFile } from '../tempFile.ts';

export interface FliteOptions {
  binary?: string;
  /** A voice from `flite -lv`: `slt` (female, 16 kHz, the clearest) by default; `kal` is 8 kHz. */
  voice?: string;
}

export function fliteRequirements({ binary = 'flite' }: FliteOptions = {}): Requirement[] {
  return [{ what: 'the flite program', command: binary, debianPackage: 'flite' }];
}

/** English with CMU flite and one of its built-in voices (CMU's free licence, credited on /credits/). */
export function createFliteRenderer({ binary = 'flite', voice = 'slt' }: FliteOptions = {}): SpeechRenderer {
  const settings = { durationStretch: 1.0 };
  return {
    id: 'flite',
    voice,
    label: `CMU ${voice} (flite)`,
    locale: 'en',
    settings,
    async render(text) {
      // `-t` marks the argument as text even when it starts with a dash or names a file.
      const args = ['-voice', voice, '--setf', `duration_stretch=${settings.durationStretch}`, '-t', text];
      return { bytes: await readWrittenFile('segment.wav', (file) => runTool(binary, [...args, '-o', file])), format: 'wav' };
    },
  };
}
