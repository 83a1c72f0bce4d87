import { useEffect } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $lastPlayed, type PlayerChannel, type PlayerView } from '../../stores/player.ts';
import { bindMediaSession, setMediaPlaybackState, type MediaMetadataInit, type MediaPosition } from './dom/mediaSession.ts';

/** Where the system's seek bar stands: the file's clock, or the estimate for a speech voice. */
export function mediaPosition(view: PlayerView): MediaPosition {
  if (view.recording?.playing) return { duration: view.recording.duration, position: view.recording.seconds, playbackRate: view.rate };
  const atOne = (ms: number) => (ms * view.rate) / 1000;
  return { duration: atOne(view.progress.totalMs), position: atOne(view.progress.elapsedMs), playbackRate: view.rate };
}

/**
 * The system's media controls (lock screen, headset, notification) for a channel, while it is
 * the one the learner played last: metadata with the course's artwork, play and pause, the
 * previous and next track (`tracks`), seeking, and the position.
 */
export function useMediaControls(
  channel: PlayerChannel,
  view: PlayerView,
  metadata: MediaMetadataInit | undefined,
  tracks: { previous(): void; next(): void },
): void {
  const current = useStore($lastPlayed) === channel;
  const engaged = current && view.loaded && view.status !== 'idle';
  const playing = view.status === 'playing' || view.advancing;
  useEffect(() => {
    if (!engaged || !metadata) return;
    return bindMediaSession(metadata, {
      play: channel.play,
      pause: channel.pause,
      previous: tracks.previous,
      next: tracks.next,
      seekBy: channel.seekBy,
      seekTo: channel.seekToTime,
    });
  }, [engaged, channel, metadata?.title, metadata?.album, metadata?.artist]);
  // The position is sent on each change of state, sentence or speed; the system runs the clock between.
  useEffect(() => {
    if (engaged) setMediaPlaybackState(playing ? 'playing' : 'paused', mediaPosition(view));
  }, [engaged, playing, view.index, view.rate, view.item]);
}
