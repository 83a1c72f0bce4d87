import { useStore } from '@nanostores/preact';
import type { Locale } from '../../../lib/i18n/locales.ts';
import type { StoredSection } from '../../../lib/authoring/schema.ts';
import { AUTHORING_LIMITS } from '../../../lib/authoring/limits.ts';
import { editTarget } from '../../../lib/authoring/autosave.ts';
import { $saveState, autosave } from './editorStore.ts';
import { at } from './text.ts';

/**
 * One section: heading, Markdown text, spoken version; every keystroke goes to the autosave. The
 * fields are uncontrolled (defaultValue): re-rendering on a save state never puts back old text.
 */
export default function SectionEditor({ locale, section, number }: { locale: Locale; section: StoredSection; number: number }) {
  const target = editTarget.section(section.id);
  const conflict = useStore($saveState).conflicts.includes(target);
  const edit = (fields: Record<string, unknown>) => autosave().edit(target, fields);
  const id = (name: string) => `section-${section.id}-${name}`;
  return (
    <fieldset class="section-editor" data-section={section.id} data-conflict={conflict ? 'true' : undefined}>
      <legend>{at(locale, 'editor.section', { n: number })}</legend>
      {conflict && <p class="field-errors" role="alert">{at(locale, 'save.conflictHere')}</p>}
      <label for={id('heading')}>{at(locale, 'editor.heading')}</label>
      <input id={id('heading')} type="text" maxLength={AUTHORING_LIMITS.maxHeadingChars} defaultValue={section.heading} onInput={(e) => edit({ heading: e.currentTarget.value })} />
      <label for={id('text')}>{at(locale, 'editor.text')}</label>
      <textarea id={id('text')} rows={6} maxLength={AUTHORING_LIMITS.maxSectionChars} defaultValue={section.markdown} onInput={(e) => edit({ markdown: e.currentTarget.value })} />
      <label for={id('spoken')}>{at(locale, 'editor.spoken')}</label>
      <textarea id={id('spoken')} rows={3} maxLength={AUTHORING_LIMITS.maxSectionChars} defaultValue={section.spoken ?? ''} onInput={(e) => edit({ spoken: e.currentTarget.value })} />
    </fieldset>
  );
}
