/**
 * Listen mode of an assigned custom module: the same playlist the built-in listen pages carry
 * (ListenData), made on request from the frozen version, in the learner's page language.
 */
import { customLessonPage } from '../../lib/authoring/lessonPage.ts';
import { customModuleKey } from '../../lib/authoring/ids.ts';
import { learnerLessonPath, learnerListenPath } from '../../lib/authoring/paths.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { packSegments } from '../../lib/narration/browser/packedSegments.ts';
import { listeningMinutes } from '../../lib/narration/minutes.ts';
import type { ListenData } from '../../lib/narration/listenPlaylist.ts';
import type { Database } from '../db/client.ts';
import { customRecording } from '../customAudio/recording.ts';
import { assignedModule } from './assignedModule.ts';

export interface CustomListen {
  data: ListenData;
  /** About how long each lesson plays, in the order of `data.lessons`. */
  minutes: number[];
}

/** The playlist of a version assigned to this cohort, or null for any other version or id. */
export async function assignedModuleListen(db: Database, cohortId: string, versionId: string, pageLocale: Locale): Promise<CustomListen | null> {
  const module = await assignedModule(db, cohortId, versionId);
  if (!module) return null;
  const lessons = await Promise.all(
    module.lessons.map(async (lesson) => {
      const { segments } = customLessonPage({ title: lesson.title, sections: lesson.content.sections, locale: module.locale, pronunciations: module.pronunciations });
      const recording = await customRecording(lesson.key, segments);
      return {
        id: lesson.key,
        title: lesson.title,
        href: learnerLessonPath(lesson.key, pageLocale),
        segments: packSegments(segments),
        ...(recording ? { recording } : {}),
        minutes: listeningMinutes(segments, recording),
      };
    }),
  );
  return {
    // The module's own language: the voice, and the lesson page's player that takes over playback.
    data: {
      moduleId: customModuleKey(versionId),
      moduleTitle: module.title,
      href: learnerListenPath(versionId, pageLocale),
      locale: module.locale,
      lessons: lessons.map(({ minutes: _, ...lesson }) => lesson),
    },
    minutes: lessons.map((lesson) => lesson.minutes),
  };
}
