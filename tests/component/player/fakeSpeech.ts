import { afterAll, beforeAll, vi } from 'vitest';
import { type fakeSynthesis, Utterance } from '../../unit/player/fakeSynthesis.ts';

/**
 * Puts `fake` in place of the browser's speechSynthesis for a file's cases, and answers the
 * cloud-voice probe as a server without Azure does (204).
 */
export function useFakeSpeech(fake: ReturnType<typeof fakeSynthesis>): void {
  beforeAll(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: fake.synthesis, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
  });
  afterAll(() => vi.unstubAllGlobals());
}
