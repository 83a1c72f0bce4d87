import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locales';
import { isQuizPage, offlineRoute } from '../../lib/offline/routes';
import type { SavedModuleRecord } from '../../lib/offline/savedModule';
import { savedModules, storageAvailable } from './moduleStorage';
import { OFFLINE_TEXT } from './text';

/**
 * The offline page's live part. The service worker serves this page in place of any page it cannot
 * load, under that page's URL: so the reason given follows the address (a quiz needs the server to
 * grade; trainer/learner pages are never stored), and the list shows what is saved on this device.
 */
export default function OfflineNotice({ locale }: { locale: Locale }) {
  const text = OFFLINE_TEXT[locale];
  const [reason, setReason] = useState<'quiz' | 'private' | 'page'>('page');
  const [modules, setModules] = useState<SavedModuleRecord[] | undefined>();

  useEffect(() => {
    const pathname = location.pathname;
    setReason(isQuizPage(pathname) ? 'quiz' : offlineRoute(pathname) === 'never' ? 'private' : 'page');
    if (storageAvailable()) savedModules().then(setModules, () => setModules([]));
    else setModules([]);
    // Back online: show the real page. After a pause, and only if still online: a connection that
    // flickers (a train between stations) should not reload the page again and again.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reloadWhenOnline = () => {
      clearTimeout(timer);
      timer = setTimeout(() => navigator.onLine && location.reload(), 1500);
    };
    window.addEventListener('online', reloadWhenOnline);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', reloadWhenOnline);
    };
  }, []);

  return (
    <div class="offline-notice" data-testid="offline-notice" data-reason={reason}>
      {reason === 'quiz' && <p class="offline-notice__reason" data-testid="offline-quiz">{text.offlineQuiz}</p>}
      {reason === 'private' && <p class="offline-notice__reason">{text.offlinePrivate}</p>}
      <p>
        <button type="button" class="button" onClick={() => location.reload()}>
          {text.retry}
        </button>
      </p>
      <h2>{text.savedModulesHeading}</h2>
      {modules === undefined ? null : modules.length === 0 ? (
        <p data-testid="offline-saved-none">{text.noSavedModules}</p>
      ) : (
        <ul class="offline-saved-list" data-testid="offline-saved-list">
          {modules.map((module) => (
            <li key={`${module.locale}:${module.moduleId}`}>
              <a href={module.href}>
                {module.title} ({text.listen})
              </a>
              <ul>
                {module.lessons.map((lesson) => (
                  <li key={lesson.href}>
                    <a href={lesson.href}>{lesson.title}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
