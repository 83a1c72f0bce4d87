import { sharedMediaOf, type SharedMedia } from '../../../lib/narration/recorded/media.ts';

/** Marks the element that keeps the audio across page changes (listen mode's dock). */
export const MEDIA_HOST_ATTRIBUTE = 'data-narration-media-host';

let shared: SharedMedia | undefined;

/**
 * The page's one `<audio>` element, made on first use. It lives in listen mode's dock when
 * there is one (the dock is carried across page changes, so playback goes on), else at the end
 * of the body; a media element taken out of the document stops, so it is moved, never dropped.
 */
export function sharedMedia(): SharedMedia {
  if (shared) return shared;
  const audio = document.createElement('audio');
  audio.preload = 'metadata';
  audio.dataset['testid'] = 'narration-audio';
  audio.preservesPitch = true;
  const place = () => {
    const host = document.querySelector(`[${MEDIA_HOST_ATTRIBUTE}]`);
    if (host && audio.parentElement !== host) host.append(audio);
    else if (!host && !audio.isConnected) document.body.append(audio);
  };
  place();
  shared = sharedMediaOf(audio, place);
  return shared;
}
