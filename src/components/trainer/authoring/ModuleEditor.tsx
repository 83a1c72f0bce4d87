import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../../lib/i18n/locales.ts';
import type { EditorModule } from '../../../lib/authoring/editorModule.ts';
import { AUTHORING_LIMITS } from '../../../lib/authoring/limits.ts';
import CustomPackageDownload from './CustomPackageDownload.tsx';
import { editTarget } from '../../../lib/authoring/autosave.ts';
import { $saveState, startAutosave } from './editorStore.ts';
import PronunciationEditor from './PronunciationEditor.tsx';
import PublishPanel from './PublishPanel.tsx';
import QuizEditor from './QuizEditor.tsx';
import SaveStatus from './SaveStatus.tsx';
import SectionEditor from './SectionEditor.tsx';
import { at } from './text.ts';

/** The module editor: text, spoken versions, pronunciations, tests and publishing, autosaved. */
export default function ModuleEditor({ locale, module }: { locale: Locale; module: EditorModule }) {
  const [ready] = useState(() => startAutosave(module.id, module.revisions));
  useEffect(() => {
    // Leaving with unsaved edits asks first; saved pages leave freely.
    const warn = (event: BeforeUnloadEvent) => {
      const { state, conflicts } = $saveState.get();
      if (state === 'dirty' || state === 'saving' || state === 'error' || conflicts.length > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return (
    <div class="module-editor" data-ready={ready ? 'true' : 'false'} data-testid="module-editor">
      <div class="module-editor__status"><SaveStatus locale={locale} /></div>
      <section class="card">
        <label for="module-title">{at(locale, 'editor.moduleTitle')}</label>
        <input id="module-title" value={module.title} maxLength={AUTHORING_LIMITS.maxTitleChars} onInput={(e) => ready.edit(editTarget.title, { title: e.currentTarget.value })} />
      </section>
      {module.lessons.map((lesson, i) => (
        <section class="card lesson-editor" key={lesson.id} aria-labelledby={`lesson-${lesson.id}`} data-lesson={lesson.id}>
          <h2 id={`lesson-${lesson.id}`}>{at(locale, 'editor.lesson', { n: i + 1 })}</h2>
          <label for={`lesson-title-${lesson.id}`}>{at(locale, 'editor.lessonTitle')}</label>
          <input id={`lesson-title-${lesson.id}`} value={lesson.title} maxLength={AUTHORING_LIMITS.maxTitleChars} onInput={(e) => ready.edit(editTarget.lesson(lesson.id), { title: e.currentTarget.value })} />
          <p><a href={lesson.url} target="_blank" rel="noopener" onClick={() => void ready.flush()} data-testid="preview-link">{at(locale, 'editor.preview')}</a></p>
          {lesson.sections.map((section, j) => <SectionEditor key={section.id} locale={locale} section={section} number={j + 1} />)}
          <QuizEditor
            locale={locale}
            moduleId={module.id}
            lessonId={lesson.id}
            contentLocale={module.locale}
            sections={lesson.sections.map(({ id, heading }) => ({ id, heading }))}
            initial={lesson.questions}
            required={lesson.requiredQuestions}
          />
        </section>
      ))}
      <PronunciationEditor locale={locale} initial={module.pronunciations} />
      <PublishPanel locale={locale} moduleId={module.id} versions={module.versions} />
      <CustomPackageDownload locale={locale} moduleId={module.id} versions={module.versions} />
    </div>
  );
}
