/** What the system's media controls (lock screen, headset buttons) can ask for. */
export interface MediaActions {
  play(): void;
  pause(): void;
  previous(): void;
  next(): void;
}

/**
 * Media Session metadata and handlers where the browser has them, so a headset button or the
 * lock screen can pause and skip. Returns the function that hands the controls back.
 */
export function bindMediaSession(metadata: { title: string; album: string; artist: string }, actions: MediaActions): () => void {
  const session = typeof navigator === 'undefined' ? undefined : navigator.mediaSession;
  if (!session) return () => {};
  const handlers: [MediaSessionAction, () => void][] = [
    ['play', actions.play],
    ['pause', actions.pause],
    ['previoustrack', actions.previous],
    ['nexttrack', actions.next],
    ['seekbackward', actions.previous],
    ['seekforward', actions.next],
  ];
  try {
    if (typeof MediaMetadata !== 'undefined') session.metadata = new MediaMetadata(metadata);
  } catch {
    // Some browsers reject metadata; the handlers still help.
  }
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know.
    }
  }
  return () => {
    for (const [action] of handlers) {
      try {
        session.setActionHandler(action, null);
      } catch {
        // As above.
      }
    }
    session.metadata = null;
  };
}

/** Tells the system whether narration is playing, where it listens. */
export function setMediaPlaybackState(state: 'playing' | 'paused' | 'none'): void {
  if (typeof navigator !== 'undefined' && navigator.mediaSession) navigator.mediaSession.playbackState = state;
}
