/**
 * A module as a zip an LMS imports: the launch page, runtime, styles, rendered audio when present,
 * and imsmanifest.xml (SCORM 1.2) or cmi5.xml (cmi5) at the root listing them. A SCORM 1.2 zip also
 * has the manifest's XSDs at its root; they are control documents like the manifest, not files of
 * the SCO, so the manifest does not list them.
 */
import JSZip from 'jszip';
import { cmi5Structure } from '../../lib/scorm/cmi5Structure.ts';
import { modulePassMark, QUESTIONS_PER_LESSON, type PackageData } from '../../lib/scorm/packageData.ts';
import { masteryScorePercent, type PackageFormat, type PackageModel } from '../../lib/scorm/packageModel.ts';
import { scorm12Manifest } from '../../lib/scorm/scorm12Manifest.ts';
import { launchPage, PACKAGE_CSS } from './launchPage.ts';
import type { ModuleSource } from './moduleSource.ts';
import { audioFromFolder, type LessonAudioFinder } from './packageAudio.ts';
import { runtimeBundle } from './runtimeBundle.ts';
import { scorm12Schemas } from './scorm12Schemas.ts';

export const LAUNCH_PAGE = 'index.html';

export interface BuildOptions {
  format: PackageFormat;
  /** Folder with `audio/<lang>/<lesson>.json` manifests and their MP3s (public/ or dist/client/). */
  audioRoot?: string;
  /** Where recordings come from when not from `audioRoot` (custom modules plug theirs in here). */
  audio?: LessonAudioFinder;
  /** Version written into the manifest; defaults to the source's version, else today's date. */
  version?: string;
}

export interface BuiltPackage {
  zip: Uint8Array;
  /** The SCO's files, as the manifest lists them (not the manifest and its XSDs). */
  files: string[];
  masteryPercent: number;
  /** Lessons that ship their rendered audio (the others use the browser's speech). */
  audioLessons: string[];
}

export async function buildPackage(source: ModuleSource, options: BuildOptions): Promise<BuiltPackage> {
  const passMark = modulePassMark(source.banks);
  const findAudio = options.audio ?? (options.audioRoot ? audioFromFolder(options.audioRoot) : null);
  const audio = findAudio ? await Promise.all(source.lessons.map((lesson) => findAudio(source.locale, lesson.id))) : source.lessons.map(() => null);
  const data: PackageData = {
    moduleId: source.id,
    locale: source.locale,
    title: source.title,
    masteryPercent: masteryScorePercent(passMark),
    questionsPerLesson: source.questionsPerLesson ?? QUESTIONS_PER_LESSON,
    lessons: source.lessons.map((lesson, i) => ({
      id: lesson.id,
      title: lesson.title,
      ...(audio[i] ? { audio: audio[i]!.packagePath } : {}),
      speech: lesson.segments.map((segment) => segment.spoken),
    })),
    banks: source.banks,
  };
  const zip = new JSZip();
  zip.file(LAUNCH_PAGE, launchPage(source, data));
  zip.file('runtime.js', await runtimeBundle());
  zip.file('style.css', PACKAGE_CSS);
  for (const found of audio) if (found) zip.file(found.packagePath, found.bytes);
  for (const file of source.files ?? []) zip.file(file.packagePath, file.bytes);
  const files = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort();
  const model: PackageModel = {
    moduleId: source.id,
    locale: source.locale,
    title: source.title,
    description: source.summary,
    lessons: source.lessons.map((lesson) => ({ id: lesson.id, title: lesson.title })),
    passMark,
    launch: LAUNCH_PAGE,
    files,
    version: options.version ?? source.version ?? new Date().toISOString().slice(0, 10),
  };
  if (options.format === 'scorm12') {
    zip.file('imsmanifest.xml', scorm12Manifest(model));
    for (const schema of await scorm12Schemas()) zip.file(schema.name, schema.bytes);
  } else zip.file('cmi5.xml', cmi5Structure(model));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { zip: bytes, files, masteryPercent: masteryScorePercent(passMark), audioLessons: source.lessons.filter((_, i) => audio[i]).map((lesson) => lesson.id) };
}
