import type { Locale } from '../../../lib/i18n/locales.ts';
import { LANGUAGE_TAG } from '../../../lib/i18n/locales.ts';
import type { SpeechRenderer } from '../../../lib/narration/audio/renderer.ts';
import { readWav } from '../../../lib/narration/audio/wav.ts';
import type { SpeechConfig } from '../../speech/config.ts';

/** Neural voices used when the environment names none (AZURE_SPEECH_VOICE_JA / _EN). */
export const AZURE_DEFAULT_VOICES: Record<Locale, string> = { ja: 'ja-JP-NanamiNeural', en: 'en-US-JennyNeural' };

/** 24 kHz 16-bit mono PCM in a RIFF container: what the pipeline trims, measures and joins. */
const OUTPUT_FORMAT = 'riff-24khz-16bit-mono-pcm';
/** Voice names are `xx-YY-NameNeural`; anything else would go into SSML unchecked. */
const VOICE_NAME = /^[a-z]{2,3}-[A-Z]{2}(-[A-Za-z]+)?-[A-Za-z0-9]+$/;

export interface AzureRendererOptions {
  config: SpeechConfig;
  locale: Locale;
  voice?: string;
  /** The synthesis URL; tests point it at a local server. Default: the region's endpoint. */
  endpoint?: string;
  fetch?: typeof fetch;
  /** Tries per segment for throttling (429) and server errors (5xx). */
  attempts?: number;
  /** First back-off; doubled per retry unless the service sends Retry-After. */
  retryDelayMs?: number;
  timeoutMs?: number;
}

export function azureSynthesisUrl(region: string): string {
  return `https://${region}.tts.speech.microsoft.com/cognitiveservices/v1`;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The SSML for one segment: the text is escaped, so a sentence can never become markup. */
export function azureSsml(text: string, locale: Locale, voice: string): string {
  const lang = LANGUAGE_TAG[locale];
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${lang}"><voice name="${voice}">${escapeXml(text)}</voice></speak>`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(response: Response, fallbackMs: number): number {
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? Math.min(header * 1000, 30_000) : fallbackMs;
}

/**
 * Azure neural voices over the Speech service's REST synthesis endpoint: one request per
 * segment, answered with WAV. The pipeline renders one segment at a time and measures the
 * samples itself, so the Speech SDK's streaming and word events would add weight and nothing
 * else. The key goes in a header and never into an error message or a log.
 */
export function createAzureRenderer(options: AzureRendererOptions): SpeechRenderer {
  const { config, locale } = options;
  const voice = options.voice ?? AZURE_DEFAULT_VOICES[locale];
  if (!VOICE_NAME.test(voice)) throw new Error(`Azure voice: "${voice}" is not a voice name like ${AZURE_DEFAULT_VOICES[locale]}`);
  const endpoint = options.endpoint ?? azureSynthesisUrl(config.region);
  const doFetch = options.fetch ?? fetch;
  const attempts = options.attempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function requestOnce(text: string): Promise<Response> {
    return doFetch(endpoint, {
      method: 'POST',
      headers: {
        'Ocp-Apim-Subscription-Key': config.key,
        'Content-Type': 'application/ssml+xml',
        'X-Microsoft-OutputFormat': OUTPUT_FORMAT,
        'User-Agent': 'ltv-dojo-audio',
      },
      body: azureSsml(text, locale, voice),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  return {
    id: 'azure',
    voice,
    label: `${voice} (Azure)`,
    locale,
    settings: { format: OUTPUT_FORMAT },
    async render(text) {
      let delay = retryDelayMs;
      for (let attempt = 1; ; attempt++) {
        let response: Response;
        try {
          response = await requestOnce(text);
        } catch (error) {
          if (attempt >= attempts) throw new Error(`Azure Speech: no answer from ${endpoint} after ${attempts} tries (${(error as Error).message})`);
          await sleep(delay);
          delay *= 2;
          continue;
        }
        if (response.ok) {
          const bytes = new Uint8Array(await response.arrayBuffer());
          try {
            readWav(bytes);
          } catch (error) {
            throw new Error(`Azure Speech: the answer is not the WAV asked for (${(error as Error).message})`);
          }
          return { bytes, format: 'wav' };
        }
        await response.body?.cancel();
        if (response.status === 401 || response.status === 403) {
          throw new Error(`Azure Speech: the key was refused (HTTP ${response.status}); check AZURE_SPEECH_KEY and AZURE_SPEECH_REGION`);
        }
        if (response.status === 400) throw new Error(`Azure Speech: the request was refused (HTTP 400); check the voice "${voice}" exists in region ${config.region}`);
        const retryable = response.status === 429 || response.status >= 500;
        if (!retryable || attempt >= attempts) throw new Error(`Azure Speech: HTTP ${response.status} after ${attempt} ${attempt === 1 ? 'try' : 'tries'}`);
        await sleep(retryAfterMs(response, delay));
        delay *= 2;
      }
    },
  };
}
