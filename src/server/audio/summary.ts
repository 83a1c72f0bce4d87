import type { RenderAudioReport, RenderedLesson } from './pipeline.ts';

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(2);
const minutes = (seconds: number) => (seconds / 60).toFixed(1);

interface Total {
  lessons: number;
  seconds: number;
  bytes: number;
}

function totalsBy(lessons: readonly RenderedLesson[], key: (lesson: RenderedLesson) => string): Map<string, Total> {
  const totals = new Map<string, Total>();
  for (const lesson of lessons) {
    const total = totals.get(key(lesson)) ?? { lessons: 0, seconds: 0, bytes: 0 };
    totals.set(key(lesson), { lessons: total.lessons + 1, seconds: total.seconds + lesson.durationSeconds, bytes: total.bytes + lesson.bytes });
  }
  return totals;
}

/**
 * What a run did, for people: work done, audio length and size per language and per module,
 * and the real-time factor (seconds of work per second of audio) when anything was synthesized.
 */
export function summarize(report: RenderAudioReport): string[] {
  const { rendered, failed, synthesized, cached, removed, pruned, elapsedMs } = report;
  const seconds = rendered.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);
  const written = rendered.filter((lesson) => lesson.written).length;
  const lines = [
    `${rendered.length} lesson(s), ${minutes(seconds)} min of audio; ${written} written, ${rendered.length - written} up to date; ` +
      `${synthesized} segment(s) synthesized, ${cached} from the cache; ${(elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (synthesized > 0 && seconds > 0) {
    lines.push(`real-time factor ${(elapsedMs / 1000 / seconds).toFixed(3)} (${((elapsedMs / 1000 / seconds) * 60).toFixed(1)} s of work per minute of audio, this run)`);
  }
  for (const [locale, total] of totalsBy(rendered, (lesson) => lesson.locale)) {
    lines.push(`  ${locale}: ${total.lessons} lesson(s), ${minutes(total.seconds)} min, ${mb(total.bytes)} MB`);
    for (const [module, moduleTotal] of totalsBy(rendered.filter((lesson) => lesson.locale === locale), (lesson) => lesson.module)) {
      lines.push(`    ${module}: ${moduleTotal.lessons} lesson(s), ${minutes(moduleTotal.seconds)} min, ${mb(moduleTotal.bytes)} MB`);
    }
  }
  if (removed.length > 0) lines.push(`removed ${removed.length} output(s) of lessons that no longer exist: ${removed.join(', ')}`);
  if (pruned.files > 0) lines.push(`cache: deleted ${pruned.files} unused segment file(s), ${mb(pruned.bytes)} MB`);
  for (const { locale, lesson, message } of failed) lines.push(`FAILED ${locale}/${lesson}: ${message}`);
  return lines;
}
