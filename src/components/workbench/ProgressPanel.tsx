import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, formatPercent } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { WorkbenchProgress } from '../../lib/workbench/protocol.ts';
import { cancel } from '../../stores/workbench.ts';

const TEXT = {
  ja: {
    heading: '3. 分析しています',
    stages: {
      reading: 'ファイルを読んでいます',
      'reading-sheet': 'Excel のシートを開いています',
      summarizing: 'お客様ごとに集計しています',
      fitting: 'モデルを当てはめています',
      predicting: '一人ずつ予測しています',
    } as Record<WorkbenchProgress['stage'], string>,
    starting: '準備しています',
    rows: (rows: string, percent: string) => `${rows}行を読みました（${percent}）`,
    bar: '読み込みの進み具合',
    cancel: '中止する',
    note: '大きなファイルでも、このページは操作できます。計算はブラウザの中だけで行います。',
  },
  en: {
    heading: '3. Analysing',
    stages: {
      reading: 'Reading the file',
      'reading-sheet': 'Opening the Excel sheet',
      summarizing: 'Summarising per customer',
      fitting: 'Fitting the models',
      predicting: 'Predicting each customer',
    } as Record<WorkbenchProgress['stage'], string>,
    starting: 'Getting ready',
    rows: (rows: string, percent: string) => `${rows} rows read (${percent})`,
    bar: 'Loading progress',
    cancel: 'Cancel',
    note: 'The page stays usable even with a large file. Everything is computed inside your browser.',
  },
};

/** The third step: stage, rows read and a progress bar, with a cancel button (kills the worker). */
export default function ProgressPanel({ locale, progress }: { locale: Locale; progress: WorkbenchProgress | null }) {
  const text = TEXT[locale];
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const share = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
  return (
    <section class="workbench-step" aria-labelledby="workbench-progress-title" aria-busy="true">
      <h2 id="workbench-progress-title">{text.heading}</h2>
      <p id="workbench-progress-stage" data-testid="progress-stage">
        {progress ? text.stages[progress.stage] : text.starting}
      </p>
      <progress
        class="workbench-progress"
        max={1}
        value={share}
        aria-labelledby="workbench-progress-stage"
        aria-valuetext={progress ? text.rows(formatNumber(locale, progress.rowsRead), formatPercent(locale, share, 0)) : text.starting}
      />
      <p data-testid="progress-rows">
        {progress ? text.rows(formatNumber(locale, progress.rowsRead), formatPercent(locale, share, 0)) : '\u00a0'}
      </p>
      <button type="button" class="button button--quiet" ref={button} onClick={cancel} data-testid="cancel">
        {text.cancel}
      </button>
      <p class="field__hint">{text.note}</p>
    </section>
  );
}
