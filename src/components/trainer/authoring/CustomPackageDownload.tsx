import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { PACKAGE_FORMATS, type PackageFormat } from '../../../lib/scorm/formats.ts';
import { $publishedVersion } from './publishedVersions.ts';

const TEXT = {
  ja: {
    title: 'LMS用パッケージ',
    lead: '公開した版を、会社のLMS（Moodleなど）に取り込めるzipにします。レッスン、読み上げ、採点つきのテストが入っています。テストの正解もパッケージに含まれます（LMSの中ではLTV道場のサーバーが採点できないため）。受けるたびに問題と選択肢の順番が変わります。',
    notPublished: '公開すると、ここからダウンロードできます。',
    version: '版',
    versionOption: '第{n}版',
    latest: '（最新）',
    download: '{format}をダウンロード（第{n}版）',
    hint: '迷ったらSCORM 1.2を選んでください。ほとんどのLMSが対応しています。',
  },
  en: {
    title: 'Package for your LMS',
    lead: 'A published version as a zip your company LMS (Moodle and others) imports: the lessons, their narration and the scored test. The test’s answers ship inside the package, because there is no LTV Dojo server to grade inside an LMS; every attempt draws new questions and option orders.',
    notPublished: 'Publish the module to download it here.',
    version: 'Version',
    versionOption: 'Version {n}',
    latest: ' (latest)',
    download: 'Download {format} (version {n})',
    hint: 'When unsure, choose SCORM 1.2: nearly every LMS imports it.',
  },
} as const;

const FORMAT_NAMES: Record<PackageFormat, string> = { scorm12: 'SCORM 1.2', cmi5: 'cmi5' };

export function customPackageUrl(moduleId: string, format: PackageFormat, version: number): string {
  return `/api/trainer/modules/${encodeURIComponent(moduleId)}/package?format=${format}&version=${version}`;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));

/** Download links for a published version of a custom module (the newest unless another is chosen). */
export default function CustomPackageDownload({ locale, moduleId, versions }: { locale: Locale; moduleId: string; versions: number }) {
  const text = TEXT[locale];
  const latest = Math.max(versions, useStore($publishedVersion));
  const [chosen, setChosen] = useState<number | null>(null);
  const version = chosen !== null && chosen <= latest ? chosen : latest;
  const selectId = `package-version-${moduleId}`;
  return (
    <section class="card" aria-labelledby="custom-package-title" data-testid="custom-package-download">
      <h2 id="custom-package-title">{text.title}</h2>
      <p class="muted">{text.lead}</p>
      {latest === 0 ? (
        <p>{text.notPublished}</p>
      ) : (
        <>
          {latest > 1 && (
            <p>
              <label for={selectId}>{text.version}</label>{' '}
              <select id={selectId} value={String(version)} onChange={(event) => setChosen(Number(event.currentTarget.value))}>
                {Array.from({ length: latest }, (_, i) => latest - i).map((n) => (
                  <option value={String(n)} key={n}>
                    {fill(text.versionOption, { n })}
                    {n === latest ? text.latest : ''}
                  </option>
                ))}
              </select>
            </p>
          )}
          <p>
            {PACKAGE_FORMATS.map((format) => (
              <a class="button" style="margin:0 .5rem .5rem 0" href={customPackageUrl(moduleId, format, version)} download key={format} data-testid={`package-${format}`}>
                {fill(text.download, { format: FORMAT_NAMES[format], n: version })}
              </a>
            ))}
          </p>
          <p class="muted">{text.hint}</p>
        </>
      )}
    </section>
  );
}
