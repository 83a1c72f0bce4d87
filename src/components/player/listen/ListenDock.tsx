import { useEffect, useState } from 'preact/hooks';
import { LANGUAGE_TAG, type Locale } from '../../../lib/i18n/locales.ts';
import { SLEEP_CHOICES, type SleepChoice } from '../../../lib/narration/browser/sleepTimer.ts';
import { formatClock } from '../../../lib/narration/browser/time.ts';
import { voicesFor } from '../../../lib/narration/browser/voiceEngine.ts';
import type { SpeechVoice } from '../../../lib/narration/engine.ts';
import { RECORDED_VOICE_ID } from '../../../lib/narration/recorded/recording.ts';
import { MEDIA_HOST_ATTRIBUTE } from '../dom/sharedMedia.ts';
import { $listen, $voices, listenPlayer, type PlayerView } from '../../../stores/player.ts';
import { useClientStore } from '../../hooks/useClientStore.ts';
import { Icon, type IconName } from '../icons.tsx';
import PlayerPanel from '../PlayerPanel.tsx';
import { fill } from '../fill.ts';
import type { PlayerText } from '../text.ts';
import dockCss from './dock.css?inline';
import type { ListenText } from './text.ts';
import { useCurrentLessonMark, useListenMedia, useListenSession } from './useListenSession.ts';

interface Props {
  locale: Locale;
  /** The listen page's module, for the server's rendering; the browser reads the page's data. */
  moduleTitle: string;
  lessonCount: number;
  /** The words, in the page's language: PLAYER_TEXT[locale] and LISTEN_TEXT[locale]. */
  text: PlayerText;
  words: ListenText;
}

const IDLE: PlayerView = {
  loaded: false,
  status: 'idle',
  item: 0,
  index: 0,
  rate: 1,
  voiceId: undefined,
  advancing: false,
  progress: { elapsedMs: 0, remainingMs: 0, totalMs: 0, ratio: 0 },
  sleep: { choice: 'off' },
};

/**
 * Listen mode's compact player, docked at the bottom of the window. It stays across page
 * changes (`transition:persist`), so a module plays on while the learner reads a lesson or
 * looks at the course. Its styles travel inside it, as the next page may not load them.
 */
export default function ListenDock({ locale, moduleTitle, lessonCount, text, words }: Props) {
  const { data, close } = useListenSession();
  const view = useClientStore($listen, IDLE);
  const speech = useClientStore($voices, { support: 'checking', voices: [] });
  const [more, setMore] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const dockLocale = data?.locale ?? locale;
  const lesson = data?.lessons[view.item];
  const lessons = listenPlayer.lessons();
  const segment = view.loaded ? lessons[view.item]?.segments[view.index] : undefined;
  const active = view.loaded && view.status !== 'idle';
  const playing = view.status === 'playing' || view.advancing;
  const speechVoices = voicesFor(speech.voices, LANGUAGE_TAG[dockLocale]);
  const unavailable = !view.recording && (speech.support === 'unsupported' || (speech.support === 'ready' && speechVoices.length === 0));
  const voices: SpeechVoice[] = view.recording
    ? [{ id: RECORDED_VOICE_ID, name: fill(text.recordedVoice, { name: view.recording.label }), lang: LANGUAGE_TAG[dockLocale], local: true }, ...speechVoices]
    : speechVoices;
  useListenMedia(data, lesson?.title ?? '', view);
  useCurrentLessonMark(data, view.item);

  useEffect(() => {
    document.documentElement.toggleAttribute('data-listen-unavailable', unavailable);
  }, [unavailable]);
  useEffect(() => {
    if (view.sleep.endsAt === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    setNow(Date.now());
    return () => clearInterval(timer);
  }, [view.sleep.endsAt]);

  if (view.loaded && !data) return null;
  const title = data?.moduleTitle ?? moduleTitle;
  const count = data?.lessons.length ?? lessonCount;
  const sleepNote =
    view.sleep.choice === 'end-of-lesson'
      ? words.sleepAtEnd
      : view.sleep.endsAt !== undefined
        ? fill(words.sleepLeft, { n: Math.max(1, Math.ceil((view.sleep.endsAt - now) / 60_000)) })
        : '';
  const button = (label: string, icon: IconName, onClick: () => void, extra: Record<string, unknown> = {}) => (
    <button type="button" class="listen-dock__button" aria-label={label} title={label} onClick={onClick} {...extra}>
      <Icon name={icon} />
    </button>
  );

  return (
    // The dock's words are in the page's language; what it plays may be in another (a trainer's module).
    <aside class="listen-dock" aria-label={words.region} lang={locale} data-testid="listen-dock">
      <style dangerouslySetInnerHTML={{ __html: dockCss }} />
      {/* The page's audio element moves in here: the dock is carried across page changes. */}
      <div hidden {...{ [MEDIA_HOST_ATTRIBUTE]: '' }} />
      <div class="listen-dock__inner">
        <div class="listen-dock__info">
          <p class="listen-dock__meta">
            {data ? <a href={data.href} lang={dockLocale}>{title}</a> : title}
            {' · '}
            {fill(words.lessonOf, { n: view.item + 1, total: count })}
            {sleepNote && <span class="listen-dock__sleep"> · {sleepNote}</span>}
          </p>
          <p class="listen-dock__title" data-testid="listen-title" lang={lesson ? dockLocale : locale}>
            {lesson?.title ?? fill(words.playModule, { module: title })}
          </p>
          {active && segment && (
            <p class="listen-dock__caption" aria-hidden="true" lang={view.advancing ? locale : dockLocale}>
              {view.advancing ? words.nextUp : segment.display}
            </p>
          )}
          {unavailable && <p class="listen-dock__notice">{`${text.noSpeech} ${text.noVoiceHelp}`}</p>}
          {view.status === 'ended' && view.item === count - 1 && <p class="listen-dock__notice">{words.moduleEnded}</p>}
        </div>
        {!unavailable && (
          <div class="listen-dock__controls">
            {button(words.previousLesson, 'previousSection', listenPlayer.previousLesson)}
            {button(text.previousSentence, 'previousSentence', listenPlayer.previousSentence, { 'aria-keyshortcuts': 'J' })}
            <button
              type="button"
              class="listen-dock__button listen-dock__button--main"
              aria-label={playing ? text.pause : text.play}
              aria-keyshortcuts="K"
              onClick={listenPlayer.toggle}
              data-testid="listen-toggle"
            >
              <Icon name={playing ? 'pause' : 'play'} />
            </button>
            {button(text.nextSentence, 'nextSentence', listenPlayer.nextSentence, { 'aria-keyshortcuts': 'L' })}
            {button(words.nextLesson, 'nextSection', listenPlayer.nextLesson)}
            {button(words.more, 'settings', () => setMore(!more), { 'aria-expanded': more, 'aria-controls': 'listen-dock-more' })}
            {active && button(words.close, 'close', close)}
          </div>
        )}
        {!unavailable && (
          <div class="listen-dock__progress">
            <span>{formatClock(view.progress.elapsedMs)}</span>
            <input
              type="range"
              min={0}
              max={Math.max((lessons[view.item]?.segments.length ?? 1) - 1, 0)}
              value={view.index}
              aria-label={text.seek}
              aria-valuetext={fill(text.positionText, {
                n: view.index + 1,
                elapsed: formatClock(view.progress.elapsedMs),
                remaining: formatClock(view.progress.remainingMs),
              })}
              onInput={(event) => listenPlayer.seekToIndex(Number(event.currentTarget.value))}
            />
            <span>{fill(text.remaining, { time: formatClock(view.progress.remainingMs) })}</span>
          </div>
        )}
        <div id="listen-dock-more" class="listen-dock__more" hidden={!more}>
          <label class="player__field">
            <span>{words.sleep}</span>
            <select
              value={String(view.sleep.choice)}
              onChange={(event) => listenPlayer.setSleep(sleepChoice(event.currentTarget.value))}
              data-testid="listen-sleep"
            >
              {SLEEP_CHOICES.map((choice) => (
                <option value={String(choice)}>{words.sleepChoices[choice]}</option>
              ))}
            </select>
          </label>
          <PlayerPanel
            text={text}
            rate={view.rate}
            voiceId={view.voiceId}
            voices={voices}
            onRate={listenPlayer.setRate}
            onVoice={listenPlayer.setVoice}
            onPreview={(voiceId) => listenPlayer.preview(text.previewText, voiceId)}
            showShortcuts={false}
          />
        </div>
      </div>
    </aside>
  );
}

function sleepChoice(value: string): SleepChoice {
  return SLEEP_CHOICES.find((choice) => String(choice) === value) ?? 'off';
}
