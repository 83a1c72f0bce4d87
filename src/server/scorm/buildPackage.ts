/**
 * A module as a zip an LMS imports: the launch page, runtime, styles, rendered audio when present,
 * and imsmanifest.xml (SCORM 1.2) or cmi5.xml (cmi5) at the root listing them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Locale } from '../../lib/i18n/locales.ts';
import { audioManifestSchema, audioManifestUrl } from '../../lib/narration/audio/manifest.ts';
import { cmi5Structure } from '../../lib/scorm/cmi5Structure.ts';
import { modulePassMark, QUESTIONS_PER_LESSON, type PackageData } from '../../lib/scorm/packageData.ts';
import { masteryScorePercent, type PackageFormat, type PackageModel } from '../../lib/scorm/packageModel.ts';
import { scorm12Manifest } from '../../lib/scorm/scorm12Manifest.ts';
import { launchPage, PACKAGE_CSS } from './launchPage.ts';
import type { ModuleSource } from './moduleSource.ts';
import { runtimeBundle } from './runtimeBundle.ts';

export const LAUNCH_PAGE = 'index.html';

export interface BuildOptions {
  format: PackageFormat;
  /** Folder with `audio/<lang>/<lesson>.json` manifests and their MP3s (public/ or dist/client/). */
  audioRoot?: string;
  /** Version written into the manifest; defaults to today's date. */
  version?: string;
}

/** The rendered narration of a lesson, as a path inside the package, when its manifest and MP3 exist. */
function findAudio(audioRoot: string | undefined, locale: Locale, lesson: string): { packagePath: string; file: string } | null {
  if (!audioRoot) return null;
  const manifestFile = path.join(audioRoot, audioManifestUrl(locale, lesson));
  if (!existsSync(manifestFile)) return null;
  const parsed = audioManifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  if (!parsed.success) return null;
  const file = path.join(audioRoot, parsed.data.src);
  // The manifest's URL is site-absolute (/audio/...); inside the package it is relative.
  return existsSync(file) ? { packagePath: parsed.data.src.replace(/^\/+/, ''), file } : null;
}

export interface BuiltPackage {
  zip: Uint8Array;
  files: string[];
  masteryPercent: number;
  /** Lessons that ship their rendered audio (the others use the browser's speech). */
  audioLessons: string[];
}

export async function buildPackage(source: ModuleSource, options: BuildOptions): Promise<BuiltPackage> {
  const passMark = modulePassMark(source.banks);
  const audio = source.lessons.map((lesson) => findAudio(options.audioRoot, source.locale, lesson.id));
  const data: PackageData = {
    moduleId: source.id,
    locale: source.locale,
    title: source.title,
    masteryPercent: masteryScorePercent(passMark),
    questionsPerLesson: QUESTIONS_PER_LESSON,
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
  for (const found of audio) if (found) zip.file(found.packagePath, readFileSync(found.file));
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
    version: options.version ?? new Date().toISOString().slice(0, 10),
  };
  if (options.format === 'scorm12') zip.file('imsmanifest.xml', scorm12Manifest(model));
  else zip.file('cmi5.xml', cmi5Structure(model));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { zip: bytes, files, masteryPercent: masteryScorePercent(passMark), audioLessons: source.lessons.filter((_, i) => audio[i]).map((lesson) => lesson.id) };
}
