import { useClientStore } from '../hooks/useClientStore.ts';
import { $progress } from '../../stores/progress.ts';
import { completion, emptyProgress } from '../../lib/progress/progress.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import ModuleFinished, { type NextStepLink } from './ModuleFinished.tsx';

const SERVER_PROGRESS = emptyProgress();

interface Props {
  locale: Locale;
  moduleTitle: string;
  /** Every lesson of the module: the message waits until each one is done. */
  lessonIds: string[];
  step: string;
  links: NextStepLink[];
}

/** On a lesson page: the finished message as soon as the module's last lesson is marked done. */
export default function ModuleDone({ locale, moduleTitle, lessonIds, step, links }: Props) {
  const progress = useClientStore($progress, SERVER_PROGRESS);
  const { done, total } = completion(progress, lessonIds);
  if (total === 0 || done < total) return null;
  return <ModuleFinished locale={locale} moduleTitle={moduleTitle} step={step} links={links} />;
}
