import { useEffect, useRef } from 'preact/hooks';
import { FIELD_LABELS, FIELD_NAMES, type FieldName } from '../../lib/clv/parse/index.ts';
import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { columnLabel, columnLetter, selectionProblems, type SuggestionSource } from '../../lib/workbench/columns.ts';
import type { SourcePreview } from '../../lib/workbench/source.ts';
import { analyze, resetWorkbench, setColumn, setHasHeader, type WorkbenchState } from '../../stores/workbench.ts';
import { failureMessage } from './messages.ts';

const TEXT = {
  ja: {
    heading: '2. 列の対応を確かめる',
    file: (name: string, size: string, encoding: string) => `${name}（${size}、${encoding}）`,
    encodings: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8（BOM付き）', shift_jis: 'Shift_JIS', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', text: '貼り付け', xlsx: 'Excel の最初のシート' } as Record<string, string>,
    mojibake: '文字化けしているようです。文字コードが UTF-8 でも Shift_JIS でもないかもしれません。Excel で「CSV UTF-8」として保存し直すと確実です。',
    preview: '最初の数行',
    fieldSelect: (field: string) => `${field}の列`,
    choose: '選んでください',
    sources: {
      explicit: '',
      exact: '見出しから判断しました。',
      partial: '見出しから推測しました。合っているか確かめてください。',
      content: '中身から推測しました。合っているか確かめてください。',
      none: '見つかりませんでした。選んでください。',
    } as Record<SuggestionSource, string>,
    hasHeader: '1行目は見出し（列の名前）',
    missing: (field: string) => `「${field}」の列を選んでください。`,
    duplicate: (a: string, b: string) => `「${a}」と「${b}」に同じ列が選ばれています。`,
    analyze: 'この列で分析する',
    another: '別のデータを選ぶ',
    cancelled: '読み込みを中止しました。列を確かめて、もう一度分析できます。',
  },
  en: {
    heading: '2. Check the columns',
    file: (name: string, size: string, encoding: string) => `${name} (${size}, ${encoding})`,
    encodings: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', shift_jis: 'Shift_JIS', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', text: 'pasted', xlsx: 'first sheet of the workbook' } as Record<string, string>,
    mojibake: 'The text looks garbled: the file may be neither UTF-8 nor Shift_JIS. Saving it from Excel as "CSV UTF-8" avoids this.',
    preview: 'The first rows',
    fieldSelect: (field: string) => `Column for the ${field}`,
    choose: 'Choose a column',
    sources: {
      explicit: '',
      exact: 'Found from the header.',
      partial: 'Guessed from the header: please check.',
      content: 'Guessed from the values: please check.',
      none: 'Not found: please choose.',
    } as Record<SuggestionSource, string>,
    hasHeader: 'The first row is a header (column names)',
    missing: (field: string) => `Choose the column for the ${field}.`,
    duplicate: (a: string, b: string) => `The ${a} and the ${b} have the same column.`,
    analyze: 'Analyse with these columns',
    another: 'Choose other data',
    cancelled: 'Loading was cancelled. Check the columns and analyse again when ready.',
  },
};

interface Props {
  locale: Locale;
  state: WorkbenchState;
  preview: SourcePreview;
}

function fileSize(bytes: number, locale: Locale): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(locale, bytes / (1024 * 1024), 1)} MB` : `${formatNumber(locale, Math.max(1, bytes / 1024), 0)} KB`;
}

/** The second step: the first rows, a labelled select per field with the guess, then analyse. */
export default function MappingStep({ locale, state, preview }: Props) {
  const text = TEXT[locale];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { selection, hasHeader } = state;
  const labels = FIELD_LABELS[locale];
  const width = Math.max(preview.firstCells.length, ...preview.sampleRows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => index);
  const headerOf = (index: number) => (hasHeader ? preview.firstCells[index] : undefined);
  const rows = hasHeader ? preview.sampleRows : [preview.firstCells, ...preview.sampleRows];
  const fieldOf = (index: number): FieldName | undefined => FIELD_NAMES.find((field) => selection[field] === index);
  const problems = selectionProblems(selection);
  const guessed = preview.suggestion;
  return (
    <section class="workbench-step" aria-labelledby="workbench-mapping-title">
      <h2 id="workbench-mapping-title" tabIndex={-1} ref={heading}>
        {text.heading}
      </h2>
      <p class="workbench-file" data-testid="source-info">
        {text.file(preview.name, fileSize(preview.sizeBytes, locale), text.encodings[preview.encoding] ?? preview.encoding)}
      </p>
      {state.cancelled && (
        <p class="notice" role="status">
          {text.cancelled}
        </p>
      )}
      {state.failure && (
        <p class="workbench-error" role="alert" data-testid="analyze-failure">
          {failureMessage(state.failure.failure, locale)}
        </p>
      )}
      {preview.encodingSuspect && (
        <p class="workbench-error" role="alert" data-testid="encoding-warning">
          {text.mojibake}
        </p>
      )}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={text.preview}>
        <table class="data-table data-table--nowrap workbench-preview" data-testid="mapping-preview">
          <caption>{text.preview}</caption>
          <thead>
            <tr>
              {columns.map((index) => {
                const field = fieldOf(index);
                return (
                  <th scope="col" key={index} class={field ? 'workbench-preview__chosen' : undefined}>
                    <span class="workbench-preview__letter">{columnLetter(index)}</span> {headerOf(index) ?? ''}
                    {field && <span class="badge">{labels[field]}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {columns.map((index) => (
                  <td key={index} class={fieldOf(index) ? 'workbench-preview__chosen' : undefined}>
                    {row[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="workbench-mapping">
        {FIELD_NAMES.map((field) => {
          const id = `workbench-column-${field}`;
          const hint = selection[field] === guessed.columns[field] ? text.sources[guessed.sources[field]] : '';
          return (
            <div class="field" key={field}>
              <label for={id}>{text.fieldSelect(labels[field])}</label>
              <div class="field__control">
                <select
                  id={id}
                  value={selection[field] === null ? '' : String(selection[field])}
                  aria-describedby={hint ? `${id}-hint` : undefined}
                  onChange={(event) => {
                    const value = (event.target as HTMLSelectElement).value;
                    setColumn(field, value === '' ? null : Number(value));
                  }}
                >
                  <option value="">{text.choose}</option>
                  {columns.map((index) => (
                    <option value={String(index)} key={index}>
                      {columnLabel(index, headerOf(index), locale)}
                    </option>
                  ))}
                </select>
              </div>
              {hint && (
                <p class="field__hint" id={`${id}-hint`}>
                  {hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <label class="workbench-check">
        <input type="checkbox" checked={hasHeader} onChange={(event) => setHasHeader((event.target as HTMLInputElement).checked)} />
        {text.hasHeader}
      </label>
      {problems.length > 0 && (
        <ul class="workbench-problems-inline" data-testid="mapping-problems">
          {problems.map((problem) => (
            <li key={problem.kind + (problem.kind === 'missing' ? problem.field : problem.fields.join())}>
              {problem.kind === 'missing' ? text.missing(labels[problem.field]) : text.duplicate(labels[problem.fields[0]], labels[problem.fields[1]])}
            </li>
          ))}
        </ul>
      )}
      <div class="workbench-actions">
        <button type="button" class="button" disabled={problems.length > 0} onClick={() => analyze()} data-testid="analyze">
          {text.analyze}
        </button>
        <button type="button" class="button button--quiet" onClick={resetWorkbench}>
          {text.another}
        </button>
      </div>
    </section>
  );
}
