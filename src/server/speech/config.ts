import * as z from 'zod';

/**
 * The server's Azure Speech settings, from the environment. Both must be set for cloud voices;
 * without them narration uses the browser's voices and the token endpoint says so.
 */
export const speechConfigSchema = z.object({
  /** The Speech resource key. Secret: it never leaves the server. */
  AZURE_SPEECH_KEY: z.string().trim().min(1),
  /** The resource's region, e.g. `japaneast`: lower-case letters and digits only, as it goes into a host name. */
  AZURE_SPEECH_REGION: z.string().trim().regex(/^[a-z0-9]+$/),
});

export interface SpeechConfig {
  key: string;
  region: string;
}

/** The settings, or nothing when cloud voices are off (missing or malformed settings). */
export function speechConfigFrom(env: Record<string, string | undefined>): SpeechConfig | undefined {
  const parsed = speechConfigSchema.safeParse(env);
  return parsed.success ? { key: parsed.data.AZURE_SPEECH_KEY, region: parsed.data.AZURE_SPEECH_REGION } : undefined;
}
