import { fill } from './fill.ts';
import type { PlayerText } from './text.ts';

interface Props {
  text: PlayerText;
  /** `no-speech`: nothing can speak here; `no-voice`: nothing speaks the lesson's language. */
  kind: 'no-speech' | 'no-voice';
  languageName: string;
  /** The lesson in the other language, when a voice for that one exists. */
  otherLanguageHref?: string | undefined;
}

/** Says plainly why the lesson cannot be heard here, and offers what works instead. */
export default function SpeechNotice({ text, kind, languageName, otherLanguageHref }: Props) {
  const readText = () => {
    const target = document.querySelector<HTMLElement>('.prose h2, .prose');
    if (!target) return;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <div class="player__notice notice" role="status" data-testid="player-notice">
      <p>
        <strong>{kind === 'no-speech' ? text.noSpeech : fill(text.noVoice, { language: languageName })}</strong> {text.noVoiceHelp}
      </p>
      <p class="player__offers">
        <button type="button" class="button button--quiet" onClick={readText}>
          {text.readInstead}
        </button>
        {otherLanguageHref && (
          <a class="button button--quiet" href={otherLanguageHref}>
            {text.listenOther}
          </a>
        )}
      </p>
    </div>
  );
}
