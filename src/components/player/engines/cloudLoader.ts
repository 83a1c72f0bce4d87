import { createTokenSource, readSpeechToken, type SpeechToken } from '../../../lib/narration/browser/tokenSource.ts';
import type { VoiceEngine } from '../../../lib/narration/browser/voiceEngine.ts';

export const TOKEN_URL = '/api/speech/token';

/** Remembered for the tab's session, so pages do not ask again when the server has no cloud voice. */
const DISABLED_KEY = 'ltv-dojo:cloud-voice';

export interface CloudLoaderOptions {
  fetch?: typeof globalThis.fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** Loads the library and builds the engine; a dynamic import, so pages only pay for it when used. */
  load?: (credentials: () => Promise<{ authorizationToken: string; region: string }>) => Promise<VoiceEngine>;
}

/**
 * Asks our server whether cloud voices are on (it answers with a token, or 204 without a key),
 * and only then downloads web-speech-cognitive-services. Resolves to nothing when they are off.
 */
export async function loadCloudEngine(options: CloudLoaderOptions = {}): Promise<VoiceEngine | undefined> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const storage = 'storage' in options ? options.storage : safeSessionStorage();
  if (!fetchImpl || storage?.getItem(DISABLED_KEY) === 'off') return undefined;
  const fetchToken = async (): Promise<SpeechToken | undefined> => {
    // The probe header turns "no cloud voices" into a quiet 204 instead of a 404 in the console.
    const response = await fetchImpl(TOKEN_URL, { headers: { accept: 'application/json', 'x-speech-probe': '1' } });
    if (response.status === 204 || response.status === 404 || response.status === 501) {
      storage?.setItem(DISABLED_KEY, 'off');
      return undefined;
    }
    return response.ok ? readSpeechToken(await response.json()) : undefined;
  };
  const first = await fetchToken().catch(() => undefined);
  if (!first) return undefined;
  const tokens = createTokenSource(fetchToken);
  tokens.remember(first);
  const load = options.load ?? (async (credentials) => (await import('./azureSession.ts')).createAzureSession(credentials));
  return load(() => tokens.credentials());
}

function safeSessionStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // Blocked storage (private modes, sandboxed frames).
  }
}
