/** What the system's media controls (lock screen, headset buttons) can ask for. */
export interface MediaActions {
  play(): void;
  pause(): void;
  /** The previous and next track: a lesson in listen mode, a section on a lesson page. */
  previous(): void;
  next(): void;
  /** Seconds to move by: negative goes back. */
  seekBy(seconds: number): void;
  seekTo(seconds: number): void;
}

export interface MediaMetadataInit {
  /** The lesson. */
  title: string;
  /** The module. */
  album: string;
  artist: string;
}

/** Where the system's seek bar stands, in seconds of the lesson at normal speed. */
export interface MediaPosition {
  duration: number;
  position: number;
  playbackRate: number;
}

/** How far the system's skip buttons move when they do not say. */
export const SKIP_SECONDS = 10;

/** The course's icon, as the lock screen shows it. */
export const ARTWORK: MediaImage[] = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
];

/**
 * Media Session metadata and handlers where the browser has them, so a headset button or the
 * lock screen can pause, skip and seek. Returns the function that hands the controls back.
 */
export function bindMediaSession(metadata: MediaMetadataInit, actions: MediaActions): () => void {
  const session = typeof navigator === 'undefined' ? undefined : navigator.mediaSession;
  if (!session) return () => {};
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', actions.play],
    ['pause', actions.pause],
    ['previoustrack', actions.previous],
    ['nexttrack', actions.next],
    ['seekbackward', (details) => actions.seekBy(-(details.seekOffset ?? SKIP_SECONDS))],
    ['seekforward', (details) => actions.seekBy(details.seekOffset ?? SKIP_SECONDS)],
    ['seekto', (details) => details.seekTime !== undefined && actions.seekTo(details.seekTime)],
  ];
  try {
    if (typeof MediaMetadata !== 'undefined') session.metadata = new MediaMetadata({ ...metadata, artwork: ARTWORK });
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

/** Tells the system whether narration is playing, and where it is, where it listens. */
export function setMediaPlaybackState(state: 'playing' | 'paused' | 'none', position?: MediaPosition): void {
  const session = typeof navigator === 'undefined' ? undefined : navigator.mediaSession;
  if (!session) return;
  session.playbackState = state;
  if (!position || typeof session.setPositionState !== 'function') return;
  const { duration, playbackRate } = position;
  if (!(duration > 0) || !(playbackRate > 0)) return;
  try {
    session.setPositionState({ duration, playbackRate, position: Math.max(0, Math.min(position.position, duration)) });
  } catch {
    // A position the browser refuses: the controls still work without it.
  }
}
