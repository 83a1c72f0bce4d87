import { useEffect, useRef, useState } from 'preact/hooks';
import { unpackSegments } from '../../../lib/narration/browser/packedSegments.ts';
import { $player, $listen, listenPlayer, watchVoices, type PlayerView } from '../../../stores/player.ts';
import { useMediaControls } from '../useMediaControls.ts';
import { $progress } from '../../../stores/progress.ts';
import { listenForShortcuts } from '../dom/keyboard.ts';
import { findRecording } from '../dom/recordings.ts';
import { recordingFor } from '../../../lib/narration/recorded/recording.ts';
import { sharedMedia } from '../dom/sharedMedia.ts';
import { sharedSpeechEngine } from '../engines/index.ts';
import { listenModeActive, runShortcut } from '../useLessonPage.ts';
import { readListenData, sameModule, type ListenData } from './listenData.ts';
import { keepDockAcrossPages } from './persist.ts';

/** The first lesson of the module not yet heard to the end, where listening picks up. */
function firstUnheard(data: ListenData): number {
  const lessons = $progress.get().lessons;
  const index = data.lessons.findIndex((lesson) => !lessons[lesson.id]?.listened);
  return index === -1 ? 0 : index;
}

/**
 * Listen mode's session: loads the module of the listen page into the listen channel, answers
 * the page's "play from here" buttons, keeps the dock across page changes while playing, and
 * takes the shortcuts and media keys when no lesson player has them.
 */
export function useListenSession() {
  const [data, setData] = useState<ListenData>();
  const adoptPage = useRef<(found: ListenData) => void>();

  useEffect(() => {
    const engine = sharedSpeechEngine();
    const stopVoices = watchVoices(engine);
    let current: ListenData | undefined;
    let recordings: Promise<unknown> = Promise.resolve();

    const adopt = (found: ListenData, item?: number, index?: number) => {
      current = found;
      setData(found);
      const lessons = found.lessons.map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        segments: unpackSegments(lesson.segments),
        recorded: lesson.recorded === true || lesson.recording !== undefined,
        recording: lesson.recording,
      }));
      listenPlayer.load({ engine, locale: found.locale, lessons, startItem: item ?? firstUnheard(found), media: sharedMedia() });
      if (index !== undefined) listenPlayer.goToLesson(item ?? 0, index);
      // Every lesson's recording, found while the learner looks at the page: each lesson file
      // then starts from the one before's `ended`, without the network or a timer in between.
      recordings = Promise.all(
        lessons.map((lesson) =>
          (lesson.recording
            ? Promise.resolve(recordingFor(lesson.recording, lesson.segments))
            : lesson.recorded
              ? findRecording(found.locale, lesson.id, lesson.segments)
              : Promise.resolve(undefined)
          ).then((audio) => {
            if (audio && current === found) listenPlayer.attachAudio(lesson.id, audio);
          }),
        ),
      );
    };

    adoptPage.current = (found) => adopt(found);
    const initial = readListenData(document);
    if (initial) adopt(initial);

    // Another listen page, reached while nothing plays: offer its module instead.
    const onPageLoad = () => {
      const found = readListenData(document);
      if (found && !listenModeActive() && !sameModule(found, current)) adopt(found);
    };
    // The page's "play from here" buttons, on whichever listen page is showing.
    const onClick = (event: MouseEvent) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-listen-start]') : null;
      const found = button && readListenData(document);
      if (!button || !found) return;
      const item = Number(button.dataset.listenStart) || 0;
      const index = button.dataset.listenIndex === undefined ? undefined : Number(button.dataset.listenIndex);
      if (sameModule(found, current)) listenPlayer.goToLesson(item, index);
      else adopt(found, item, index ?? 0);
      void recordings.then(() => listenPlayer.play());
    };
    document.addEventListener('astro:page-load', onPageLoad);
    document.addEventListener('click', onClick);
    keepDockAcrossPages(listenModeActive);
    const stopKeys = listenForShortcuts((action) => (listenModeActive() || !$player.get().loaded) && runShortcut(listenPlayer, action));
    return () => {
      stopVoices();
      stopKeys();
      document.removeEventListener('astro:page-load', onPageLoad);
      document.removeEventListener('click', onClick);
      if (!listenModeActive()) listenPlayer.unload();
    };
  }, []);

  return {
    data,
    /** Stops, and goes back to the listen page's module (or to nothing elsewhere). */
    close(): void {
      listenPlayer.pause();
      listenPlayer.unload();
      const found = readListenData(document);
      if (found) adoptPage.current?.(found);
      else setData(undefined);
    },
  };
}

/** The system's media controls for listen mode: the lesson, its module, lesson by lesson. */
export function useListenMedia(data: ListenData | undefined, title: string, view: PlayerView): void {
  const metadata = data && { title, album: data.moduleTitle, artist: 'LTV Dojo' };
  useMediaControls(listenPlayer, view, metadata, { previous: listenPlayer.previousLesson, next: listenPlayer.nextLesson });
}

/** Marks the lesson playing in the listen page's list (aria-current), when it is that module's page. */
export function useCurrentLessonMark(data: ListenData | undefined, item: number): void {
  useEffect(() => {
    const mark = () => {
      const page = readListenData(document);
      document.querySelectorAll<HTMLElement>('[data-listen-lesson]').forEach((element, i) => {
        const current = sameModule(page, data) && i === item && $listen.get().status !== 'idle';
        if (current) element.setAttribute('aria-current', 'true');
        else element.removeAttribute('aria-current');
      });
    };
    mark();
    const stop = $listen.listen(mark);
    document.addEventListener('astro:page-load', mark);
    return () => {
      stop();
      document.removeEventListener('astro:page-load', mark);
    };
  }, [data, item]);
}
