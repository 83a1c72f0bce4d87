import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { ACCEPTED_EXTENSIONS } from '../../../lib/authoring/limits.ts';
import { editorPath } from '../../../lib/authoring/paths.ts';
import { problemText } from './api.ts';
import { imageNotice, type ImportedImages } from './importNotice.ts';
import { at } from './text.ts';

/** Import a file (multipart) or pasted Markdown (JSON); opens the editor of the new draft. */
export default function CreateModuleForm({ locale }: { locale: Locale }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  /** The new draft's editor, held back while the trainer reads which pictures were left out. */
  const [created, setCreated] = useState<string | null>(null);
  const openEditor = useRef<HTMLAnchorElement>(null);
  // The import is done: the way on is the editor, so the focus goes there (the notice is read first).
  useEffect(() => {
    if (created) openEditor.current?.focus();
  }, [created]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const file = form.get('file');
    const markdown = String(form.get('markdown') ?? '');
    const hasFile = file instanceof File && file.size > 0 && file.name !== '';
    if (!hasFile) form.delete('file');
    setBusy(true);
    setMessage(at(locale, 'create.busy'));
    let response: Response;
    try {
      response = hasFile
        ? await fetch('/api/trainer/modules', { method: 'POST', body: (form.delete('markdown'), form), credentials: 'same-origin' })
        : await fetch('/api/trainer/modules', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ title: String(form.get('title') ?? ''), locale: String(form.get('locale') ?? 'ja'), markdown }),
          });
    } catch {
      setBusy(false);
      setMessage(at(locale, 'save.error', { message: 'network' }));
      return;
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 201) {
      const editor = editorPath(locale, String(body.id));
      const notice = imageNotice(locale, body.images as ImportedImages | undefined);
      if (!notice) {
        window.location.assign(editor);
        return;
      }
      setBusy(false);
      setMessage(notice);
      setCreated(editor);
      return;
    }
    setBusy(false);
    setMessage(problemText(body));
  };
  return (
    <form class="trainer-form card" method="post" onSubmit={submit} aria-labelledby="create-module-title" data-testid="create-module">
      <h2 id="create-module-title">{at(locale, 'create.title')}</h2>
      <label for="module-file">{at(locale, 'create.file')}</label>
      <input id="module-file" name="file" type="file" accept={ACCEPTED_EXTENSIONS.join(',')} />
      <label for="module-name">{at(locale, 'create.name')}</label>
      <input id="module-name" name="title" type="text" maxLength={120} />
      <label for="module-locale">{at(locale, 'create.locale')}</label>
      <select id="module-locale" name="locale">
        <option value="ja">日本語</option>
        <option value="en">English</option>
      </select>
      <details>
        <summary>{at(locale, 'create.or')}</summary>
        <label for="module-markdown">{at(locale, 'create.markdown')}</label>
        <textarea id="module-markdown" name="markdown" rows={8} />
      </details>
      {created ? (
        // A success with a caveat, not an error: a status, and no second Import that would make a twin draft.
        <div class="notice import-done" role="status" data-testid="import-done">
          {/* Japanese sentences follow each other without a space. */}
          <p>{[at(locale, 'create.done'), message].join(locale === 'ja' ? '' : ' ')}</p>
          <a class="button" href={created} ref={openEditor} data-testid="open-editor">
            {at(locale, 'create.open')}
          </a>
        </div>
      ) : (
        <>
          <p class="trainer-form__message" role="alert">
            {message}
          </p>
          <button class="button" type="submit" disabled={busy}>
            {at(locale, 'create.submit')}
          </button>
        </>
      )}
    </form>
  );
}
