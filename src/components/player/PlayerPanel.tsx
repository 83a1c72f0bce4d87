import { useId } from 'preact/hooks';
import type { SpeechVoice } from '../../lib/narration/engine.ts';
import { SHORTCUTS } from '../../lib/narration/browser/shortcuts.ts';
import { RATE_MAX, RATE_MIN, RATE_STEP } from '../../lib/narration/rate.ts';
import { isCloudVoice } from './engines/cloudVoice.ts';
import { fill } from './fill.ts';
import type { PlayerText } from './text.ts';

const RATES = Array.from({ length: Math.round((RATE_MAX - RATE_MIN) / RATE_STEP) + 1 }, (_, i) => RATE_MIN + i * RATE_STEP);

export interface PanelProps {
  text: PlayerText;
  rate: number;
  voiceId: string | undefined;
  /** Voices for the lesson's language. */
  voices: readonly SpeechVoice[];
  onRate(rate: number): void;
  onVoice(voiceId: string | undefined): void;
  onPreview(voiceId: string | undefined): void;
  /** Shortcut help: shown on the lesson page, where the keys work. */
  showShortcuts?: boolean;
}

/** Speed, voice (with a short preview) and the keyboard shortcuts. */
export default function PlayerPanel({ text, rate, voiceId, voices, onRate, onVoice, onPreview, showShortcuts = true }: PanelProps) {
  const id = useId();
  const known = voiceId === undefined || voices.some((voice) => voice.id === voiceId);
  const selected = known ? (voiceId ?? '') : '';
  return (
    <>
      <div class="player__fields">
        <label class="player__field">
          <span>{text.speed}</span>
          <select value={String(rate)} onChange={(event) => onRate(Number(event.currentTarget.value))} data-testid="player-speed">
            {RATES.map((value) => (
              <option value={String(value)}>{fill(text.speedValue, { rate: value })}</option>
            ))}
          </select>
        </label>
        <div class="player__field">
          <label for={`${id}-voice`}>{text.voice}</label>
          <div class="player__voice">
            <select
              id={`${id}-voice`}
              value={selected}
              onChange={(event) => onVoice(event.currentTarget.value || undefined)}
              data-testid="player-voice"
            >
              <option value="">{text.voiceAuto}</option>
              {voices.map((voice) => (
                <option value={voice.id} lang={voice.lang}>
                  {isCloudVoice(voice.id) ? fill(text.voiceCloud, { name: voice.name }) : voice.name}
                </option>
              ))}
            </select>
            <button type="button" class="button button--quiet" onClick={() => onPreview(selected || undefined)}>
              {text.preview}
            </button>
          </div>
        </div>
      </div>
      {showShortcuts && (
        <details class="player__shortcuts">
          <summary>{text.shortcuts}</summary>
          <dl>
            {SHORTCUTS.map(({ keys, action }) => (
              <div>
                <dt>
                  {keys.map((key, i) => (
                    <>
                      {i > 0 && ' / '}
                      <kbd>{text.keyNames[key] ?? key}</kbd>
                    </>
                  ))}
                </dt>
                <dd>{text.actions[action]}</dd>
              </div>
            ))}
          </dl>
          <p>{text.clickHint}</p>
        </details>
      )}
    </>
  );
}
