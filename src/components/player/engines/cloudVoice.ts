/** Voice ids of the cloud engine start with this, so the router can tell them from the browser's. */
export const CLOUD_VOICE_PREFIX = 'azure:';

/** True for a voice id of the cloud engine. */
export function isCloudVoice(voiceId: string | undefined): boolean {
  return voiceId?.startsWith(CLOUD_VOICE_PREFIX) ?? false;
}
