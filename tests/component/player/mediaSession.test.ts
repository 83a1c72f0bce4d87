import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARTWORK, bindMediaSession, setMediaPlaybackState, SKIP_SECONDS } from '../../../src/components/player/dom/mediaSession.ts';
import { mediaPosition } from '../../../src/components/player/useMediaControls.ts';
import type { PlayerView } from '../../../src/stores/player.ts';

/** navigator.mediaSession as a phone has it, recording what the page tells it. */
function fakeSession() {
  const handlers = new Map<string, ((details: MediaSessionActionDetails) => void) | null>();
  const session = {
    metadata: null as unknown,
    playbackState: 'none',
    position: undefined as MediaPositionState | undefined,
    setActionHandler: (action: string, handler: ((details: MediaSessionActionDetails) => void) | null) => handlers.set(action, handler),
    setPositionState(state: MediaPositionState) {
      session.position = state;
    },
  };
  vi.stubGlobal('navigator', { ...navigator, mediaSession: session });
  vi.stubGlobal('MediaMetadata', class {
    constructor(init: object) {
      Object.assign(this, init);
    }
  });
  return { session, handlers };
}

afterEach(() => vi.unstubAllGlobals());

const view = (patch: Partial<PlayerView>): PlayerView => ({
  loaded: true,
  status: 'playing',
  item: 0,
  index: 0,
  rate: 1.5,
  voiceId: undefined,
  advancing: false,
  progress: { elapsedMs: 20_000, remainingMs: 40_000, totalMs: 60_000, ratio: 1 / 3 },
  sleep: { choice: 'off' },
  ...patch,
});

describe('media session', () => {
  it('shows the lesson, module and artwork, and answers play, pause, tracks and seeking', () => {
    const { session, handlers } = fakeSession();
    const actions = { play: vi.fn(), pause: vi.fn(), previous: vi.fn(), next: vi.fn(), seekBy: vi.fn(), seekTo: vi.fn() };
    const release = bindMediaSession({ title: 'LTVとは何か', album: 'LTV思考の営業', artist: 'LTV Dojo' }, actions);
    expect(session.metadata).toMatchObject({ title: 'LTVとは何か', album: 'LTV思考の営業', artist: 'LTV Dojo', artwork: ARTWORK });
    expect(ARTWORK.map((image) => image.sizes)).toEqual(['192x192', '512x512']);
    handlers.get('seekbackward')!({ action: 'seekbackward' });
    handlers.get('seekforward')!({ action: 'seekforward', seekOffset: 30 });
    handlers.get('seekto')!({ action: 'seekto', seekTime: 42 });
    handlers.get('nexttrack')!({ action: 'nexttrack' });
    expect(actions.seekBy.mock.calls).toEqual([[-SKIP_SECONDS], [30]]);
    expect(actions.seekTo).toHaveBeenCalledWith(42);
    expect(actions.next).toHaveBeenCalledOnce();
    release();
    expect([...handlers.values()].every((handler) => handler === null)).toBe(true);
    expect(session.metadata).toBeNull();
  });

  it.each([
    // A recording: the file's clock and duration, at the playing rate.
    [view({ recording: { label: 'x', playing: true, seconds: 12.5, duration: 300 } }), { duration: 300, position: 12.5, playbackRate: 1.5 }],
    // A speech voice: the estimate, turned back into lesson seconds at normal speed (20 s × 1.5).
    [view({}), { duration: 90, position: 30, playbackRate: 1.5 }],
  ])('puts the position on the lock screen (%#)', (state, expected) => {
    const { session } = fakeSession();
    expect(mediaPosition(state)).toEqual(expected);
    setMediaPlaybackState('playing', mediaPosition(state));
    expect(session).toMatchObject({ playbackState: 'playing', position: expected });
  });
});
