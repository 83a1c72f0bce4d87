import { t } from '../../lib/i18n/islandUi.ts';
import type { Locale } from '../../lib/i18n/locales.ts';

/** A link out of a finished module; `name` when the label alone does not say where it goes. */
export interface NextStepLink {
  href: string;
  label: string;
  name?: string | undefined;
  quiet?: boolean;
}

interface Props {
  locale: Locale;
  moduleTitle: string;
  /** What to do next, after "you finished every lesson of …". */
  step: string;
  links: readonly NextStepLink[];
}

/** The message shown once every lesson of a module is done, with where to go from there. */
export default function ModuleFinished({ locale, moduleTitle, step, links }: Props) {
  return (
    <div class="module-lessons__finished notice" data-testid="module-finished">
      <p>
        <strong>{t(locale, 'module.finished', { module: moduleTitle })}</strong> {step}
      </p>
      <p class="module-lessons__next">
        {links.map((link) => (
          <a key={link.href} class={link.quiet ? 'button button--quiet' : 'button'} href={link.href} aria-label={link.name}>
            {link.label}
          </a>
        ))}
      </p>
    </div>
  );
}
