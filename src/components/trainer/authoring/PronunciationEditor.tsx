import { useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/locales.ts';
import type { Pronunciation } from '../../../lib/authoring/schema.ts';
import { editTarget } from '../../../lib/authoring/autosave.ts';
import { autosave } from './editorStore.ts';
import { at } from './text.ts';

/** Term → reading pairs of the module; rows with an empty term or reading are not sent. */
export default function PronunciationEditor({ locale, initial }: { locale: Locale; initial: Pronunciation[] }) {
  const [rows, setRows] = useState<Pronunciation[]>(initial);
  const update = (next: Pronunciation[]) => {
    setRows(next);
    autosave().edit(editTarget.pronunciations, { pronunciations: next.filter((row) => row.term.trim() && row.reading.trim()) });
  };
  return (
    <section class="card" aria-labelledby="pronunciations-title">
      <h2 id="pronunciations-title">{at(locale, 'editor.pronunciations')}</h2>
      <p class="muted">{at(locale, 'editor.pronunciationsLead')}</p>
      <table class="pronunciations">
        <thead>
          <tr>
            <th scope="col">{at(locale, 'editor.term')}</th>
            <th scope="col">{at(locale, 'editor.reading')}</th>
            <th scope="col"><span class="visually-hidden">{at(locale, 'editor.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td><input aria-label={at(locale, 'editor.term')} value={row.term} maxLength={40} onInput={(e) => update(rows.map((r, j) => (j === i ? { ...r, term: e.currentTarget.value } : r)))} /></td>
              <td><input aria-label={at(locale, 'editor.reading')} value={row.reading} maxLength={80} onInput={(e) => update(rows.map((r, j) => (j === i ? { ...r, reading: e.currentTarget.value } : r)))} /></td>
              <td><button type="button" class="button button--quiet" onClick={() => update(rows.filter((_, j) => j !== i))}>{at(locale, 'editor.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button button--quiet" onClick={() => setRows([...rows, { term: '', reading: '' }])}>{at(locale, 'editor.addTerm')}</button>
    </section>
  );
}
