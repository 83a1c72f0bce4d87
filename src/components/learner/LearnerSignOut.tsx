import type { Locale } from '../../lib/i18n/locales.ts';
import { sendJson } from '../trainer/http.ts';
import { learnPath, lt } from './text.ts';

/** Ends the learner session on this device (the resume code brings it back). */
export default function LearnerSignOut({ locale }: { locale: Locale }) {
  const signOut = async () => {
    await sendJson('POST', '/api/auth/logout?role=learner', {});
    window.location.assign(learnPath(locale));
  };
  return (
    <p class="learner-signout">
      <button type="button" class="button button--quiet" onClick={signOut}>
        {lt(locale, 'home.signOut')}
      </button>
      <span class="muted">{lt(locale, 'home.signOutHint')}</span>
    </p>
  );
}
