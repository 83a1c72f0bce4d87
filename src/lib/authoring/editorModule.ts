/**
 * What the editor page hands its island: the draft as the server read it, with each lesson's
 * preview link and the revisions the autosave starts from. Built on the server
 * (src/server/authoring/pages.ts), rendered by src/components/trainer/authoring/ModuleEditor.tsx.
 */
import type { Question } from '../quiz/schema.ts';
import type { Pronunciation, StoredSection } from './schema.ts';

export interface EditorLesson {
  id: string;
  title: string;
  /** The owner's preview of the lesson, in the page's language. */
  url: string;
  sections: StoredSection[];
  questions: Question[];
  /** Questions its test needs before the module can be published. */
  requiredQuestions: number;
}

export interface EditorModule {
  id: string;
  title: string;
  /** The language the module's lessons are written and spoken in. */
  locale: 'ja' | 'en';
  /** The revision of each thing the editor saves, by `editTarget` (./autosave.ts). */
  revisions: Record<string, number>;
  pronunciations: Pronunciation[];
  lessons: EditorLesson[];
  /** How many versions have been published. */
  versions: number;
}
