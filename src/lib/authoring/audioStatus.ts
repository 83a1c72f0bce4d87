/**
 * What the editor is told about the recorded narration of a module's latest version
 * (`GET /api/trainer/modules/<id>/audio`). zod/mini: the editor parses it in the browser.
 */
import * as z from 'zod/mini';

export const AUDIO_STATES = ['queued', 'rendering', 'ready', 'failed', 'unavailable'] as const;

export const moduleAudioSchema = z.object({
  /** The version the audio is of (the latest published). */
  versionId: z.string(),
  number: z.int().check(z.minimum(1)),
  status: z.enum(AUDIO_STATES),
  /** Steps done and to do while rendering (sentences to synthesize, then lessons to join). */
  done: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
  /** Why it failed, or what is missing. */
  message: z.nullable(z.string()),
  /** Debian packages to install (`unavailable`). */
  packages: z.array(z.string()),
});
export type ModuleAudio = z.infer<typeof moduleAudioSchema>;

/** The answer: null until the module is published. */
export const moduleAudioAnswerSchema = z.object({ audio: z.nullable(moduleAudioSchema) });

/** Whether the editor should ask again shortly. */
export const audioInProgress = (audio: ModuleAudio | null) => audio?.status === 'queued' || audio?.status === 'rendering';
