import type { Locale } from '../../lib/i18n/locales.ts';
import { sendJson } from './http.ts';
import { trainerPath, tt } from './text.ts';

/** Ends the trainer session (only that one) and returns to the sign-in page. */
export default function SignOutButton({ locale }: { locale: Locale }) {
  const signOut = async () => {
    await sendJson('POST', '/api/auth/logout?role=trainer', {});
    window.location.assign(trainerPath(locale, 'login/'));
  };
  return (
    <button type="button" class="button button--quiet" onClick={signOut} data-testid="sign-out">
      {tt(locale, 'nav.signOut')}
    </button>
  );
}
