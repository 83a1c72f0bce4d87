/** The media events the file player listens to. */
export type MediaEventName = 'timeupdate' | 'play' | 'pause' | 'ended' | 'error';

/**
 * The part of an `HTMLMediaElement` the file player uses, so tests can drive a fake one and the
 * player never touches the DOM itself.
 */
export interface MediaElementLike {
  src: string;
  currentTime: number;
  readonly duration: number;
  playbackRate: number;
  /** Keeps the voice's pitch at other speeds (true by default in browsers; set to be sure). */
  preservesPitch?: boolean;
  readonly paused: boolean;
  readonly ended: boolean;
  play(): Promise<void> | void;
  pause(): void;
  addEventListener(type: MediaEventName, listener: () => void): void;
  removeEventListener(type: MediaEventName, listener: () => void): void;
}

/**
 * The one audio element the whole page shares: every file player (the lesson's, listen mode's)
 * plays through it, so there is only ever one playback. The player that last started owns it;
 * the others ignore its events and never stop it.
 */
export interface SharedMedia {
  element: MediaElementLike;
  /** The file player that plays now, or last played. */
  owner?: object;
  /** The file `element.src` was last set to, as given (the element reports it made absolute). */
  source?: string;
  /** Called when a player takes the element, e.g. to move it where page changes do not stop it. */
  onClaim?: () => void;
}

export function sharedMediaOf(element: MediaElementLike, onClaim?: () => void): SharedMedia {
  return onClaim ? { element, onClaim } : { element };
}
