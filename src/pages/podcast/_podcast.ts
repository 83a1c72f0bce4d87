/**
 * The podcast feeds and chapter files, prerendered at build time from the rendered audio in
 * public/audio (which the build copies to the site as is, so sizes and URLs match what is served).
 * A feed lists only lessons whose manifest and MP3 exist; run `npm run audio` before the build.
 * Absolute URLs use the configured site (astro.config.mjs: SITE_URL).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { moduleLessonsWithAudio } from '../../components/offline/moduleAudio';
import { calculatorDescriptionsByLocale } from '../../lib/calculators/descriptions';
import { lessonPath } from '../../lib/course/catalog';
import { LANGUAGE_TAG, LOCALES, type Locale } from '../../lib/i18n/locales';
import { t } from '../../lib/i18n/ui';
import { listenPath } from '../../lib/narration/browser/paths';
import { lessonScript } from '../../lib/narration/script';
import { buildChapters, chapterMarks, type PodcastChapters } from '../../lib/podcast/chapters';
import { buildFeed } from '../../lib/podcast/feed';
import { podcastChaptersPath, podcastFeedPath } from '../../lib/podcast/paths';

export const feedHeaders = { 'content-type': 'application/rss+xml; charset=utf-8' };

export async function feedPaths() {
  const modules = await getCollection('modules');
  return LOCALES.flatMap((lang) => modules.map((module) => ({ params: { lang, module: module.id }, props: { lang, module } })));
}

export async function feedXml(lang: Locale, module: CollectionEntry<'modules'>, site: URL): Promise<string> {
  const absolute = (pathname: string) => new URL(pathname, site).href;
  const lessons = (await moduleLessonsWithAudio(lang, module.id)).filter((entry) => entry.audio);
  const siteName = t(lang, 'site.name');
  return buildFeed(
    {
      title: `${siteName}: ${module.data.title[lang]}`,
      description: `${module.data.summary[lang]} (${module.data.audience[lang]})`,
      language: LANGUAGE_TAG[lang],
      link: absolute(listenPath(lang, module.id)),
      feedUrl: absolute(podcastFeedPath(lang, module.id)),
      imageUrl: absolute('/icons/icon-512.png'),
      author: siteName,
      category: { name: 'Business', subcategory: 'Marketing' },
    },
    lessons.map(({ lesson, audio }, index) => ({
      title: lesson.data.title,
      description: lesson.data.summary,
      link: absolute(lessonPath(lang, lesson.data.id)),
      audioUrl: absolute(audio!.manifest.src),
      audioBytes: audio!.mp3Bytes,
      durationSeconds: audio!.manifest.duration,
      guid: `ltv-dojo:${lang}:${lesson.data.id}:${audio!.manifest.src}`,
      published: audio!.mp3Modified,
      episode: index + 1,
      chaptersUrl: absolute(podcastChaptersPath(lang, lesson.data.id)),
    })),
  );
}

export async function chapterPaths() {
  const paths = [];
  for (const lang of LOCALES) {
    for (const module of await getCollection('modules')) {
      for (const { lesson, audio } of await moduleLessonsWithAudio(lang, module.id)) {
        if (audio) paths.push({ params: { lang, lesson: lesson.data.id }, props: { lang, lesson, audio } });
      }
    }
  }
  return paths;
}

export function lessonChapters(
  lang: Locale,
  lesson: CollectionEntry<'lessons'>,
  segments: Parameters<typeof buildChapters>[0],
): PodcastChapters {
  const blocks = lessonScript({ ...lesson.data, body: lesson.body ?? '', locale: lang, calculatorDescriptions: calculatorDescriptionsByLocale() });
  return buildChapters(segments, chapterMarks(blocks));
}
