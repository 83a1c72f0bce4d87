import { useClientStore } from '../hooks/useClientStore.ts';
import { $progressNotice } from '../../stores/progress.ts';
import { t } from '../../lib/i18n/islandUi.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

/** Says once, plainly, that stored progress had to be reset. */
export default function ProgressNotice({ locale }: { locale: Locale }) {
  const notice = useClientStore($progressNotice, null);
  if (!notice) return null;
  return (
    <div class="notice" role="status">
      <p>{t(locale, notice.kind === 'reset-all' ? 'progress.resetAll' : 'progress.resetSome')}</p>
      <button type="button" class="button button--quiet" onClick={() => $progressNotice.set(null)}>
        {t(locale, 'progress.dismiss')}
      </button>
    </div>
  );
}
