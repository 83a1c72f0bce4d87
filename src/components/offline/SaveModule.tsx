import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales';
import { formatBytes, missingFromSave, plannedBytes, type SaveEntry, type SavedModuleRecord } from '../../lib/offline/savedModule';
import { measureEntries, removeModule, saveModule, savedState, storageAvailable, storageFigures, type StorageFigures } from './moduleStorage';
import { OFFLINE_TEXT } from './text';

interface Props {
  locale: Locale;
  moduleId: string;
  title: string;
  href: string;
  lessons: SavedModuleRecord['lessons'];
  /** Pages, manifests and MP3s, in the order they are saved; MP3 and manifest sizes known at build time. */
  entries: SaveEntry[];
}

type Phase =
  | { kind: 'checking' }
  | { kind: 'unsupported' }
  | { kind: 'ready'; totalBytes?: number; note?: 'removed' | 'incomplete' | { failed: string } }
  | { kind: 'saving'; doneBytes: number; totalBytes: number }
  | { kind: 'saved'; record: SavedModuleRecord; updateFailed?: string };

/** "このモジュールを端末に保存": size before, progress during, saved state after, and removal. */
export default function SaveModule({ locale, moduleId, title, href, lessons, entries }: Props) {
  const text = OFFLINE_TEXT[locale];
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [storage, setStorage] = useState<StorageFigures>();
  const [online, setOnline] = useState(true);
  const abort = useRef<AbortController | null>(null);
  /** Aborted when the island goes: its HEAD requests must not outlive it. */
  const alive = useRef(new AbortController());
  const withoutAudio = lessons.filter((lesson) => !lesson.hasAudio).length;

  const refreshStorage = () => void storageFigures().then(setStorage, () => undefined);

  const measure = (note?: Extract<Phase, { kind: 'ready' }>['note']) => {
    setPhase({ kind: 'ready', note });
    // Offline the pages cannot be measured: the audio, known at build time, is nearly all of it.
    measureEntries(entries, alive.current.signal)
      .catch(() => plannedBytes(entries).known)
      .then((totalBytes) => setPhase((current) => (current.kind === 'ready' ? { ...current, totalBytes } : current)));
  };

  useEffect(() => {
    setOnline(navigator.onLine);
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    if (!storageAvailable()) setPhase({ kind: 'unsupported' });
    else
      savedState(locale, moduleId).then((state) => {
        if (state.kind === 'saved') setPhase({ kind: 'saved', record: state.record });
        else measure(state.kind === 'incomplete' ? 'incomplete' : undefined);
        refreshStorage();
      });
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      abort.current?.abort();
      alive.current.abort();
    };
  }, []);

  const save = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const totalBytes = phase.kind === 'ready' && phase.totalBytes !== undefined ? phase.totalBytes : await measureEntries(entries, controller.signal).catch(() => plannedBytes(entries).known);
    setPhase({ kind: 'saving', doneBytes: 0, totalBytes });
    // Ask the browser not to evict the module under storage pressure (granted silently for installed apps).
    void navigator.storage?.persist?.().catch(() => false);
    try {
      const record = await saveModule(
        { locale, moduleId, title, href, lessons, entries, totalBytes },
        (progress) => setPhase({ kind: 'saving', ...progress }),
        controller.signal,
      );
      setPhase({ kind: 'saved', record });
    } catch (error) {
      const reason = navigator.onLine ? (error instanceof Error ? error.message : String(error)) : text.offlineNow;
      // An update that fails leaves the older save in place: show it, with what went wrong.
      const state = await savedState(locale, moduleId).catch(() => undefined);
      if (state?.kind === 'saved') setPhase({ kind: 'saved', record: state.record, ...(controller.signal.aborted ? {} : { updateFailed: reason }) });
      else if (controller.signal.aborted) measure();
      else measure({ failed: reason });
    } finally {
      abort.current = null;
      refreshStorage();
    }
  };

  const remove = async () => {
    await removeModule(locale, moduleId);
    measure('removed');
    refreshStorage();
  };

  const outdated = phase.kind === 'saved' ? missingFromSave(phase.record, entries).length : 0;
  const dateOf = (iso: string) => new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section class="card offline-save" aria-labelledby="offline-save-heading" data-testid="offline-save" data-state={phase.kind}>
      <h2 id="offline-save-heading">{text.saveHeading}</h2>
      <p>{text.saveLead}</p>
      {phase.kind === 'unsupported' && <p class="offline-save__note">{text.unsupported}</p>}
      {phase.kind === 'ready' && (
        <>
          <p class="offline-save__size" data-testid="offline-save-size">
            {phase.totalBytes === undefined ? text.saveSizeMeasuring : text.saveSize(formatBytes(phase.totalBytes, locale))}
          </p>
          <p>
            <button type="button" class="button" onClick={save} disabled={!online} data-testid="offline-save-button">
              {text.save}
            </button>
          </p>
          {!online && <p class="offline-save__note">{text.offlineNow}</p>}
          {phase.note === 'removed' && <p role="status">{text.removed}</p>}
          {phase.note === 'incomplete' && <p role="status">{text.incomplete}</p>}
          {typeof phase.note === 'object' && <p role="alert">{text.failed(phase.note.failed)}</p>}
        </>
      )}
      {phase.kind === 'saving' && (
        <>
          <progress
            class="offline-save__progress"
            max={Math.max(phase.totalBytes, 1)}
            value={phase.doneBytes}
            aria-label={text.save}
            data-testid="offline-save-progress"
          />
          <p role="status">{text.saving(formatBytes(phase.doneBytes, locale), formatBytes(phase.totalBytes, locale))}</p>
          <p>
            <button type="button" class="button button--quiet" onClick={() => abort.current?.abort()}>
              {text.cancel}
            </button>
          </p>
        </>
      )}
      {phase.kind === 'saved' && (
        <>
          <p role="status" class="offline-save__saved" data-testid="offline-save-status">
            <span aria-hidden="true">✓ </span>
            {text.saved(formatBytes(phase.record.bytes, locale), dateOf(phase.record.savedAt))}
          </p>
          {outdated > 0 && (
            <p class="offline-save__note" data-testid="offline-save-outdated">
              {text.outdated}
            </p>
          )}
          {phase.updateFailed !== undefined && <p role="alert">{text.updateFailed(phase.updateFailed)}</p>}
          <p class="offline-save__actions">
            {outdated > 0 && (
              <button type="button" class="button" onClick={save} disabled={!online} data-testid="offline-update-button">
                {text.update}
              </button>
            )}
            <button type="button" class="button button--quiet" onClick={remove} data-testid="offline-remove-button">
              {text.remove}
            </button>
          </p>
        </>
      )}
      {withoutAudio > 0 && <p class="offline-save__note">{text.noAudio(withoutAudio)}</p>}
      <p class="offline-save__note">{text.quizNote}</p>
      {storage && <p class="offline-save__note">{text.storage(formatBytes(storage.usage, locale), formatBytes(storage.quota, locale))}</p>}
    </section>
  );
}
