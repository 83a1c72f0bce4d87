import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShortcutAction } from '../../lib/narration/browser/shortcuts.ts';
import type { NarrationSegment } from '../../lib/narration/types.ts';
import { $listen, lessonPlayer, type PlayerChannel, type PlayerView } from '../../stores/player.ts';
import { listenForShortcuts } from './dom/keyboard.ts';
import type { MediaMetadataInit } from './dom/mediaSession.ts';
import type { PageLink } from './dom/pageLink.ts';
import { useMediaControls } from './useMediaControls.ts';

interface PageOptions {
  segments: readonly NarrationSegment[];
  hintId: string;
  media: MediaMetadataInit;
  /** The channel the page shows: its own, or listen mode's while that plays this lesson. */
  channel: PlayerChannel;
  /** The lesson player's own view, for the system's media controls. */
  own: PlayerView;
}

/** True while listen mode is playing a module: then its player, not the lesson's, takes the keys. */
export function listenModeActive(): boolean {
  const listen = $listen.get();
  return listen.loaded && (listen.status === 'playing' || listen.status === 'paused' || listen.advancing);
}

/** Runs a shortcut on a player channel. */
export function runShortcut(channel: typeof lessonPlayer, action: ShortcutAction): boolean {
  const actions: Record<ShortcutAction, () => void> = {
    toggle: channel.toggle,
    'next-sentence': channel.nextSentence,
    'previous-sentence': channel.previousSentence,
    'next-section': channel.nextSection,
    'previous-section': channel.previousSection,
    faster: channel.faster,
    slower: channel.slower,
  };
  actions[action]();
  return true;
}

/**
 * Connects the lesson player to the page around it: the keyboard shortcuts and the system's
 * media controls at once; the highlighted, followed sentence and the clickable paragraphs from
 * the first play on (dom/pageLink.ts, loaded then). Returns whether the view follows the voice.
 */
export function useLessonPage(view: PlayerView, { segments, hintId, media, channel, own }: PageOptions) {
  const [following, setFollowing] = useState(true);
  const [link, setLink] = useState<PageLink>();
  const engaged = view.loaded && view.status !== 'idle';
  const playing = view.status === 'playing';

  useEffect(() => listenForShortcuts((action) => !listenModeActive() && runShortcut(lessonPlayer, action)), []);

  const channelRef = useRef(channel);
  channelRef.current = channel;
  const loading = useRef(false);
  useEffect(() => {
    if (!engaged || link || loading.current) return;
    loading.current = true;
    let made: PageLink | undefined;
    let cancelled = false;
    void import('./dom/pageLink.ts').then(({ linkLessonPage }) => {
      if (cancelled) return;
      made = linkLessonPage({ segments, hintId, onFollowingChange: setFollowing, onBlock: (blockId) => channelRef.current.playFromBlock(blockId) });
      setLink(made);
    });
    return () => {
      cancelled = true;
      made?.destroy();
      loading.current = false;
    };
  }, [engaged, segments, hintId]);

  useEffect(() => {
    link?.show(engaged, view.index, playing, view.wordAt);
  }, [link, engaged, view.index, playing, view.wordAt]);

  // Listen mode's dock gives the system its controls while it plays; these are the lesson's.
  useMediaControls(lessonPlayer, own, media, { previous: lessonPlayer.previousSection, next: lessonPlayer.nextSection });

  return {
    following,
    followAgain: () => link?.followAgain(view.index),
  };
}
