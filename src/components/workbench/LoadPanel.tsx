import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { WorkbenchState } from '../../stores/workbench.ts';
import { chooseFile, loadSample, pasteText } from '../../stores/workbench.ts';
import { failureMessage } from './messages.ts';

const TEXT = {
  ja: {
    heading: '1. データを読み込む',
    drop: 'ここにファイルをドロップするか、',
    pick: 'ファイルを選ぶ',
    pickHint: 'CSV（UTF-8・Shift_JIS）、Excel（.xlsx）',
    pasteLabel: 'または、Excel やスプレッドシートの表を貼り付ける',
    pastePlaceholder: '顧客ID\t日付\t金額\nC001\t2025/4/1\t5,000',
    pasteButton: '貼り付けた表を読み込む',
    sampleButton: 'サンプルデータで試す',
    sampleHint: '架空のお茶の専門店、2年分・3,000人の取引データです。',
    reading: 'ファイルの中身を確かめています…',
    cancelled: '読み込みを中止しました。',
  },
  en: {
    heading: '1. Load your data',
    drop: 'Drop a file here, or ',
    pick: 'choose a file',
    pickHint: 'CSV (UTF-8 or Shift_JIS), Excel (.xlsx)',
    pasteLabel: 'Or paste a table from Excel or a spreadsheet',
    pastePlaceholder: 'Customer ID\tDate\tAmount\nC001\t2025-04-01\t5000',
    pasteButton: 'Read the pasted table',
    sampleButton: 'Try the sample data',
    sampleHint: 'Two years of transactions of a fictional tea shop with 3,000 customers.',
    reading: 'Looking at the file…',
    cancelled: 'Loading was cancelled.',
  },
};

interface Props {
  locale: Locale;
  state: WorkbenchState;
}

/** The first step: a file (picked or dropped), a pasted table, or the sample. */
export default function LoadPanel({ locale, state }: Props) {
  const text = TEXT[locale];
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const busy = state.phase === 'inspecting';
  const onFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) chooseFile(file);
  };
  return (
    <section class="workbench-step" aria-labelledby="workbench-load-title" aria-busy={busy}>
      <h2 id="workbench-load-title">{text.heading}</h2>
      {state.failure && (
        <p class="workbench-error" role="alert" data-testid="load-failure">
          {failureMessage(state.failure.failure, locale)}
        </p>
      )}
      <div
        class={`workbench-drop${dragging ? ' workbench-drop--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          onFiles(event.dataTransfer?.files);
        }}
      >
        <p>
          {text.drop}
          <label class="workbench-drop__pick">
            {text.pick}
            <input
              type="file"
              class="visually-hidden"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="file-input"
              disabled={busy}
              onChange={(event) => onFiles((event.target as HTMLInputElement).files)}
            />
          </label>
        </p>
        <p class="field__hint">{text.pickHint}</p>
      </div>
      <div class="field">
        <label class="field__label" for="workbench-paste">
          {text.pasteLabel}
        </label>
        <textarea
          id="workbench-paste"
          class="calculator__paste workbench-paste"
          rows={4}
          placeholder={text.pastePlaceholder}
          value={pasted}
          onInput={(event) => setPasted((event.target as HTMLTextAreaElement).value)}
        />
        <button type="button" class="button button--quiet" disabled={busy || pasted.trim() === ''} onClick={() => pasteText(pasted)}>
          {text.pasteButton}
        </button>
      </div>
      <div class="workbench-sample">
        <button type="button" class="button" disabled={busy} onClick={() => void loadSample()} data-testid="load-sample">
          {text.sampleButton}
        </button>
        <p class="field__hint">{text.sampleHint}</p>
      </div>
      {busy && <p role="status">{text.reading}</p>}
    </section>
  );
}
