/**
 * The lesson's "listen" control: the rendered recording when the package has one, else the
 * browser's speech reading the same sentences the app's player speaks.
 */
import { LANGUAGE_TAG, type Locale } from '../lib/i18n/locales.ts';
import { packageText } from '../lib/scorm/text.ts';

export function mountListen(container: HTMLElement, lesson: { audio?: string; speech: string[] }, locale: Locale): void {
  if (lesson.audio) {
    const audio = document.createElement('audio');
    audio.controls = true;
    audio.preload = 'none';
    audio.src = lesson.audio;
    container.append(audio);
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  if (!('speechSynthesis' in window)) {
    container.textContent = packageText(locale, 'noSpeech');
    return;
  }
  let speaking = false;
  const label = () => (button.textContent = packageText(locale, speaking ? 'stop' : 'listen'));
  label();
  button.addEventListener('click', () => {
    speechSynthesis.cancel();
    speaking = !speaking;
    label();
    if (!speaking) return;
    lesson.speech.forEach((sentence, i) => {
      const utterance = new SpeechSynthesisUtterance(sentence);
      utterance.lang = LANGUAGE_TAG[locale];
      if (i === lesson.speech.length - 1) utterance.onend = () => ((speaking = false), label());
      speechSynthesis.speak(utterance);
    });
  });
  container.append(button);
}

/** Stops any speech when the learner leaves the lesson. */
export function stopSpeech(): void {
  if ('speechSynthesis' in window) speechSynthesis.cancel();
  document.querySelectorAll('audio').forEach((audio) => audio.pause());
}
