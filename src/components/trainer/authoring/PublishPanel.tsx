import { useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/locales.ts';
import { problemText, requestJson } from './api.ts';
import AudioStatus from './AudioStatus.tsx';
import { editTarget } from '../../../lib/authoring/autosave.ts';
import { autosave } from './editorStore.ts';
import { $publishedVersion } from './publishedVersions.ts';
import { at } from './text.ts';
import type { PublishProblem } from '../../../lib/authoring/publish.ts';

/** A publish problem in the editor's language (the server's `message` is English). */
function problemLine(locale: Locale, problem: PublishProblem): string {
  if (problem.problem === 'no-text') return at(locale, 'publish.problem.no-text', { lesson: problem.lesson });
  const [questions, needed] = [problem.questions ?? 0, problem.needed ?? 0];
  return at(locale, 'publish.problem.too-few-questions', { lesson: problem.lesson, questions, needed, missing: Math.max(0, needed - questions) });
}

/** Publishes the draft (after pending saves); lists what is missing when it is not ready; shows the version's audio. */
export default function PublishPanel({ locale, moduleId, versions }: { locale: Locale; moduleId: string; versions: number }) {
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  // Bumped by each publish: the audio status asks again (a new version is being rendered).
  const [published, setPublished] = useState(0);
  const publish = () =>
    autosave().run(editTarget.draft, async (revision) => {
      const answer = await requestJson('POST', `/api/trainer/modules/${moduleId}/publish`, { revision });
      if (answer.ok) {
        setProblems([]);
        setMessage(at(locale, 'publish.done', { n: Number(answer.body.number) }));
        setPublished((count) => count + 1);
        $publishedVersion.set(Number(answer.body.number));
        return { revision: Number(answer.body.revision), value: undefined };
      }
      const list = (answer.body.problems as PublishProblem[] | undefined)?.map((problem) => problemLine(locale, problem)) ?? [];
      setProblems(list);
      setMessage(list.length ? at(locale, 'publish.notReady') : answer.body.error === 'edited-elsewhere' ? at(locale, 'publish.stale') : problemText(answer.body));
      return { value: undefined };
    });
  return (
    <section class="card" aria-labelledby="publish-title" data-testid="publish-panel">
      <h2 id="publish-title">{at(locale, 'publish.title')}</h2>
      <p class="muted">{at(locale, 'publish.lead')}</p>
      {versions > 0 && <p>{at(locale, 'list.published')}: v{versions}</p>}
      <button type="button" class="button" onClick={publish} data-testid="publish">{at(locale, 'publish.submit')}</button>
      <p role="status">{message}</p>
      {problems.length > 0 && <ul class="field-errors">{problems.map((problem) => <li>{problem}</li>)}</ul>}
      {(versions > 0 || published > 0) && <AudioStatus locale={locale} moduleId={moduleId} refresh={published} />}
    </section>
  );
}
