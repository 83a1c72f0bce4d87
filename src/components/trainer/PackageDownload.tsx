import { LOCALES, type Locale } from '../../lib/i18n/locales.ts';
import { PACKAGE_FORMATS, type PackageFormat } from '../../lib/scorm/formats.ts';

interface Props {
  locale: Locale;
  modules: { id: string; title: string }[];
}

const TEXT = {
  ja: {
    title: 'LMS用パッケージ',
    lead: '会社のLMS（Moodleなど）に取り込めるzipです。レッスン、音声、採点つきのテストが入っています。テストの正解もパッケージに含まれます（LMSの中ではLTV道場のサーバーが採点できないため）。受けるたびに問題と選択肢の順番が変わります。',
    language: { ja: '日本語', en: '英語' },
    format: { scorm12: 'SCORM 1.2', cmi5: 'cmi5' },
    hint: '迷ったらSCORM 1.2を選んでください。ほとんどのLMSが対応しています。',
  },
  en: {
    title: 'Packages for your LMS',
    lead: 'A zip your company LMS (Moodle and others) imports: the lessons, their audio and the scored test. The test’s answers ship inside the package, because there is no LTV Dojo server to grade inside an LMS; every attempt draws new questions and option orders.',
    language: { ja: 'Japanese', en: 'English' },
    format: { scorm12: 'SCORM 1.2', cmi5: 'cmi5' },
    hint: 'When unsure, choose SCORM 1.2: nearly every LMS imports it.',
  },
} as const;

export function packageUrl(moduleId: string, format: PackageFormat, lang: Locale): string {
  return `/api/trainer/modules/${encodeURIComponent(moduleId)}/package?format=${format}&lang=${lang}`;
}

/** Plain download links, one per module, format and language: no script needed, rendered on the server. */
export default function PackageDownload({ locale, modules }: Props) {
  const text = TEXT[locale];
  return (
    <section class="card package-download" aria-labelledby="package-download-title" data-testid="package-download">
      <h2 id="package-download-title">{text.title}</h2>
      <p>{text.lead}</p>
      <p class="muted">{text.hint}</p>
      <ul class="cohort-list">
        {modules.map((module) => (
          <li class="cohort-list__item" key={module.id}>
            <span class="cohort-list__name">{module.title}</span>
            <span>
              {PACKAGE_FORMATS.flatMap((format) =>
                LOCALES.map((lang) => (
                  <a class="button" style="margin:0 .5rem .5rem 0" href={packageUrl(module.id, format, lang)} download key={`${format}-${lang}`}>
                    {text.format[format]} · {text.language[lang]}
                  </a>
                )),
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
