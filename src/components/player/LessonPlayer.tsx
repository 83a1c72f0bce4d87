import type { ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import '../../styles/player.css';
import { LANGUAGE_TAG, type Locale } from '../../lib/i18n/locales.ts';
import { unpackSegments, type PackedSegment } from '../../lib/narration/browser/packedSegments.ts';
import { voicesFor } from '../../lib/narration/browser/voiceEngine.ts';
import type { SpeechVoice } from '../../lib/narration/engine.ts';
import type { AudioManifest } from '../../lib/narration/audio/manifest.ts';
import { RECORDED_VOICE_ID, recordingFor } from '../../lib/narration/recorded/recording.ts';
import { $listen, $player, $voices, lessonPlayer, listenPlayer, watchVoices, type PlayerView } from '../../stores/player.ts';
import { findRecording } from './dom/recordings.ts';
import { sharedMedia } from './dom/sharedMedia.ts';
import { useClientStore } from '../hooks/useClientStore.ts';
import { sharedSpeechEngine } from './engines/index.ts';
import { Icon } from './icons.tsx';
import { fill } from './fill.ts';
import type { PanelProps } from './PlayerPanel.tsx';
import SpeechNotice from './SpeechNotice.tsx';
import type { PlayerText } from './text.ts';
import { formatClock } from '../../lib/narration/browser/time.ts';
import { useLessonPage } from './useLessonPage.ts';

interface Props {
  locale: Locale;
  lessonId: string;
  title: string;
  /** The module's title, shown by the system's media controls. */
  album: string;
  artist: string;
  segments: PackedSegment[];
  /** The build found the lesson's recorded narration: the page plays it rather than a speech voice. */
  recorded?: boolean;
  /** The lesson's recording, found by the server (a custom module's, which is not at a public URL). */
  recording?: AudioManifest;
  /** The same lesson in the other language, offered when no voice reads this one. */
  otherLanguageHref: string;
  /** The player's words in the page's language (PLAYER_TEXT[locale]). */
  text: PlayerText;
}

/**
 * The narration player on a lesson page: play and pause, sentence and section skips, a seek
 * bar with elapsed and remaining time, speed and voice, the sentence highlighted in the text.
 * The server renders it idle; the browser loads the lesson with the learner's settings.
 */
export default function LessonPlayer({ locale, lessonId, title, album, artist, segments: packed, recorded = false, recording: given, otherLanguageHref, text }: Props) {
  const segments = useMemo(() => unpackSegments(packed), [packed]);
  const serverView = useMemo<PlayerView>(() => serverState(segments), [segments]);
  const own = useClientStore($player, serverView);
  const listen = useClientStore($listen, serverView);
  // Listen mode playing this very lesson: the page shows and controls that one playback.
  const listening =
    listen.loaded && listen.status !== 'idle' && listenPlayer.locale() === locale && listenPlayer.lessons()[listen.item]?.id === lessonId;
  const channel = listening ? listenPlayer : lessonPlayer;
  const view = listening ? listen : own;
  const speech = useClientStore($voices, { support: 'checking', voices: [] });
  const [panelOpen, setPanelOpen] = useState(false);
  // The settings are loaded when first opened: most listeners never change them.
  const [Panel, setPanel] = useState<ComponentType<PanelProps>>();
  const togglePanel = () => {
    setPanelOpen(!panelOpen);
    if (!Panel) void import('./PlayerPanel.tsx').then((module) => setPanel(() => module.default));
  };
  const ids = { panel: `player-panel-${lessonId}`, hint: `player-hint-${lessonId}` };
  const media = useMemo(() => ({ title, album, artist }), [title, album, artist]);
  const { following, followAgain } = useLessonPage(view, { segments, hintId: ids.hint, media, channel, own });
  const recording = useRef<{ known: boolean; found: Promise<unknown> }>({ known: true, found: Promise.resolve() });

  useEffect(() => {
    const engine = sharedSpeechEngine();
    const stopWatching = watchVoices(engine);
    lessonPlayer.load({ engine, locale, lessons: [{ id: lessonId, title, segments }], media: sharedMedia() });
    // Checked again here: a manifest of other words than these would highlight the wrong sentences.
    if (given) lessonPlayer.attachAudio(lessonId, recordingFor(given, segments));
    else if (recorded) {
      const lookup = { known: false, found: Promise.resolve() };
      lookup.found = findRecording(locale, lessonId, segments).then((audio) => {
        lookup.known = true;
        if (audio) lessonPlayer.attachAudio(lessonId, audio);
      });
      recording.current = lookup;
    }
    return () => {
      stopWatching();
      lessonPlayer.unload();
    };
  }, [locale, lessonId, segments, recorded, given]);

  const lang = LANGUAGE_TAG[locale];
  const voices = voicesFor(speech.voices, lang);
  const choices: SpeechVoice[] = view.recording
    ? [{ id: RECORDED_VOICE_ID, name: fill(text.recordedVoice, { name: view.recording.label }), lang, local: true }, ...voices]
    : voices;
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const unavailable = view.recording
    ? undefined
    : speech.support === 'unsupported'
      ? 'no-speech'
      : speech.support === 'ready' && voices.length === 0
        ? 'no-voice'
        : undefined;
  // A Play before the page knows whether the lesson has a recording (a small, usually cached
  // file) waits for the answer, so the browser's voice does not start a moment before it.
  // Once known, play starts at once, inside the click, as Safari wants for sound.
  const toggle = () => {
    if (view.status === 'playing' || view.advancing) return channel.pause();
    if (recording.current.known) return channel.play();
    void recording.current.found.then(() => channel.play());
  };
  const playing = view.status === 'playing';
  const engaged = view.loaded && view.status !== 'idle';
  const resumable = view.status === 'idle' && view.index > 0;
  const { elapsedMs, remainingMs, ratio } = view.progress;
  const position = fill(text.positionText, { n: view.index + 1, elapsed: formatClock(elapsedMs), remaining: formatClock(remainingMs) });

  if (unavailable) {
    return (
      <section class="player player--notice" aria-label={text.region}>
        <SpeechNotice
          text={text}
          kind={unavailable}
          languageName={text.languages[locale]}
          otherLanguageHref={voicesFor(speech.voices, LANGUAGE_TAG[other]).length > 0 ? otherLanguageHref : undefined}
        />
      </section>
    );
  }

  const button = (label: string, icon: Parameters<typeof Icon>[0]['name'], onClick: () => void, keys?: string) => (
    <button type="button" class="player__button" aria-label={label} title={label} aria-keyshortcuts={keys} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );

  return (
    <section
      class={engaged ? 'player player--active' : 'player'}
      aria-label={text.region}
      data-testid="lesson-player"
      data-narration-target=""
      data-source={view.recording?.playing ? 'recording' : 'speech'}
    >
      <div class="player__bar">
        {button(text.previousSection, 'previousSection', channel.previousSection, 'Shift+J')}
        {button(text.previousSentence, 'previousSentence', channel.previousSentence, 'J')}
        <button
          type="button"
          class="player__button player__button--main"
          aria-keyshortcuts="K"
          onClick={toggle}
          data-testid="player-toggle"
        >
          <Icon name={playing ? 'pause' : 'play'} />
          {/* The visible words are the button's name (no aria-label that could differ from them). */}
          <span class="player__label">{playing ? text.pause : resumable ? text.resume : text.play}</span>
        </button>
        {button(text.nextSentence, 'nextSentence', channel.nextSentence, 'L')}
        {button(text.nextSection, 'nextSection', channel.nextSection, 'Shift+L')}
        <button
          type="button"
          class="player__button"
          aria-label={text.settings}
          title={text.settings}
          aria-expanded={panelOpen}
          aria-controls={ids.panel}
          onClick={togglePanel}
        >
          <Icon name="settings" />
        </button>
      </div>
      <div class="player__progress">
        <span class="player__time">{formatClock(elapsedMs)}</span>
        <input
          type="range"
          class="player__seek"
          min={0}
          max={Math.max(segments.length - 1, 0)}
          value={view.index}
          aria-label={text.seek}
          aria-valuetext={position}
          style={{ '--ratio': String(ratio) }}
          onInput={(event) => channel.seekToIndex(Number(event.currentTarget.value))}
          data-testid="player-seek"
        />
        <span class="player__time">{fill(text.remaining, { time: formatClock(remainingMs) })}</span>
      </div>
      <p class="player__status" role="status" data-testid="player-status">
        {view.status === 'playing' && <span class="visually-hidden">{text.playing}</span>}
        {view.status === 'paused' && <span class="visually-hidden">{text.paused}</span>}
        {view.status === 'ended' && text.ended}
        {speech.support === 'checking' && view.status === 'playing' && !view.recording?.playing && text.checking}
        {view.status === 'error' && (
          <>
            {text.error} {text.errors[view.error ?? ''] ?? ''}{' '}
            <button type="button" class="button button--quiet" onClick={channel.play}>
              {text.retry}
            </button>
          </>
        )}
      </p>
      {engaged && !following && (
        <button type="button" class="button button--quiet player__follow" onClick={followAgain} data-testid="player-follow">
          <Icon name="follow" /> {text.follow}
        </button>
      )}
      <p id={ids.hint} class="visually-hidden">
        {text.clickHint}
      </p>
      <div class="player__panel" id={ids.panel} hidden={!panelOpen}>
        {Panel && (
        <Panel
          text={text}
          rate={view.rate}
          voiceId={view.voiceId}
          voices={choices}
          onRate={channel.setRate}
          onVoice={channel.setVoice}
          onPreview={(voiceId) => channel.preview(text.previewText, voiceId)}
        />
        )}
      </div>
    </section>
  );
}

/** What the server renders: idle at the top, with the lesson's length at normal speed. */
function serverState(segments: readonly { durationMs: number }[]): PlayerView {
  const totalMs = segments.reduce((sum, segment) => sum + segment.durationMs, 0);
  return {
    loaded: false,
    status: 'idle',
    item: 0,
    index: 0,
    rate: 1,
    voiceId: undefined,
    advancing: false,
    progress: { elapsedMs: 0, remainingMs: totalMs, totalMs, ratio: 0 },
    sleep: { choice: 'off' },
  };
}
