/** A speech engine for tests, injected where Open JTalk would be: a tone as long as the text, or a failure. */
import type { SpeechRenderer } from '../../../src/lib/narration/audio/renderer.ts';
import { encodeWav } from '../../../src/lib/narration/audio/wav.ts';
import type { RendererAvailability } from '../../../src/server/audio/engines/index.ts';

const RATE = 16_000;

export interface FakeEngine {
  availability: RendererAvailability & { ok: true };
  /** Every text it was asked to say. */
  said: string[];
  /** Holds every render until called (to see a publish answer while its audio is still being made). */
  hold(): () => void;
}

export function fakeEngine({ fail }: { fail?: string } = {}): FakeEngine {
  const said: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  const renderer: SpeechRenderer = {
    id: 'fake-tone',
    voice: 'tone',
    label: 'Test tone',
    locale: 'ja',
    settings: { fail: fail ?? '' },
    async render(text) {
      said.push(text);
      await gate;
      if (fail) throw new Error(fail);
      // 0.2 s plus 20 ms a character, a 400 Hz tone loud enough not to be trimmed as silence.
      const samples = new Int16Array(Math.round(RATE * (0.2 + text.length * 0.02)));
      for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 400 * i) / RATE));
      return { bytes: encodeWav(samples, RATE), format: 'wav' };
    },
  };
  return {
    availability: { ok: true, renderer },
    said,
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
  };
}

/** What rendererFor answers on a machine without Open JTalk. */
export const missingOpenJtalk: RendererAvailability = {
  ok: false,
  missing: [{ what: 'the open_jtalk program', command: 'open_jtalk', debianPackage: 'open-jtalk' }],
};
