import { useEffect, useRef, useState } from 'preact/hooks';
import type { VoiceEngine } from '../../lib/narration/browser/voiceEngine.ts';
import { LANGUAGE_TAG, type Locale } from '../../lib/i18n/locales.ts';
import { loadSpeechEngine, speakTexts } from './speech.ts';
import { qt } from './text.ts';

interface Props {
  locale: Locale;
  /** What to say, in order (situation, question, options). */
  texts: readonly string[];
  /** The texts' language, when it is not the page's: it picks the voice. */
  textLocale?: Locale | undefined;
}

/**
 * "Read aloud" for a question, so it can be taken by ear; the answer is then a key or a tap.
 * Hidden where the browser cannot speak (and on the server, which cannot know). Keyed by question
 * in the parent: unmounting stops the speech.
 */
export default function ReadAloudButton({ locale, texts, textLocale = locale }: Props) {
  const [engine, setEngine] = useState<VoiceEngine | null>(null);
  const [usable, setUsable] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    void loadSpeechEngine().then((loaded) => {
      if (!live || !loaded) return;
      setEngine(loaded);
      setUsable(loaded.support() !== 'unsupported');
      unsubscribe = loaded.onChange(() => setUsable(loaded.support() !== 'unsupported'));
    });
    return () => {
      live = false;
      unsubscribe();
      stop.current?.();
    };
  }, []);

  if (!engine || !usable) return null;
  const toggle = () => {
    if (stop.current) return stop.current();
    setSpeaking(true);
    stop.current = speakTexts(engine, texts, LANGUAGE_TAG[textLocale], () => {
      stop.current = null;
      setSpeaking(false);
    });
  };
  return (
    <button type="button" class="button button--quiet quiz-read-aloud" aria-pressed={speaking} onClick={toggle} data-testid="read-aloud">
      <span aria-hidden="true">{speaking ? '■' : '▶'}</span> {qt(locale, speaking ? 'speech.stop' : 'speech.read')}
    </button>
  );
}
