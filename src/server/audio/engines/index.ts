import type { Locale } from '../../../lib/i18n/locales.ts';
import type { SpeechRenderer } from '../../../lib/narration/audio/renderer.ts';
import { FFMPEG_REQUIREMENTS, missingRequirements, type Requirement } from '../requirements.ts';
import { createFliteRenderer, fliteRequirements } from './flite.ts';
import { createOpenJtalkRenderer, openJtalkRequirements } from './openJtalk.ts';

/**
 * The renderer each language uses, and what it needs installed. A cloud voice would be one
 * more entry here (chosen by an environment variable); nothing downstream changes.
 */
const ENGINES: Record<Locale, { requirements: () => Requirement[]; create: () => SpeechRenderer }> = {
  ja: { requirements: () => openJtalkRequirements(), create: () => createOpenJtalkRenderer() },
  en: { requirements: () => fliteRequirements(), create: () => createFliteRenderer() },
};

export type RendererAvailability = { ok: true; renderer: SpeechRenderer } | { ok: false; missing: Requirement[] };

/** The language's renderer, or everything missing for it (ffmpeg included: every language needs it). */
export function rendererFor(locale: Locale): RendererAvailability {
  const engine = ENGINES[locale];
  const missing = missingRequirements([...engine.requirements(), ...FFMPEG_REQUIREMENTS]);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, renderer: engine.create() };
}
