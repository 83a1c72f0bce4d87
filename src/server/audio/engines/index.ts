import type { Locale } from '../../../lib/i18n/locales.ts';
import type { SpeechRenderer } from '../../../lib/narration/audio/renderer.ts';
import { speechConfigFrom } from '../../speech/config.ts';
import { FFMPEG_REQUIREMENTS, missingRequirements, type Requirement } from '../requirements.ts';
import { createAzureRenderer } from './azure.ts';
import { createFliteRenderer, fliteRequirements } from './flite.ts';
import { createOpenJtalkRenderer, openJtalkRequirements } from './openJtalk.ts';

/** The offline renderer each language uses, and what it needs installed. */
const LOCAL_ENGINES: Record<Locale, { requirements: () => Requirement[]; create: () => SpeechRenderer }> = {
  ja: { requirements: () => openJtalkRequirements(), create: () => createOpenJtalkRenderer() },
  en: { requirements: () => fliteRequirements(), create: () => createFliteRenderer() },
};

/** `auto`: Azure when the server has its key and region, otherwise the offline engines. */
export const ENGINE_CHOICES = ['auto', 'local', 'azure'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export type RendererAvailability =
  | { ok: true; renderer: SpeechRenderer }
  | { ok: false; missing: Requirement[]; reason?: string };

const VOICE_VARIABLE: Record<Locale, string> = { ja: 'AZURE_SPEECH_VOICE_JA', en: 'AZURE_SPEECH_VOICE_EN' };

/**
 * The language's renderer, or everything missing for it (ffmpeg included: every engine's output
 * goes through it). Azure is never required: `auto` without a key uses Open JTalk and flite.
 */
export function rendererFor(locale: Locale, choice: EngineChoice = 'auto', env: Record<string, string | undefined> = process.env): RendererAvailability {
  const azure = choice === 'local' ? undefined : speechConfigFrom(env);
  if (choice === 'azure' && !azure) {
    return { ok: false, missing: [], reason: '--engine azure needs AZURE_SPEECH_KEY and AZURE_SPEECH_REGION (a region like japaneast) in the environment' };
  }
  if (azure) {
    const missing = missingRequirements(FFMPEG_REQUIREMENTS);
    if (missing.length > 0) return { ok: false, missing };
    const voice = env[VOICE_VARIABLE[locale]]?.trim();
    try {
      return { ok: true, renderer: createAzureRenderer({ config: azure, locale, ...(voice ? { voice } : {}) }) };
    } catch (error) {
      return { ok: false, missing: [], reason: `${VOICE_VARIABLE[locale]}: ${(error as Error).message}` };
    }
  }
  const engine = LOCAL_ENGINES[locale];
  const missing = missingRequirements([...engine.requirements(), ...FFMPEG_REQUIREMENTS]);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, renderer: engine.create() };
}
