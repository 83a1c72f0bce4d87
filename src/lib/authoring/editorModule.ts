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

/** A trainer the owner shares the module with (they may view, preview and assign it). */
export interface ModuleShare {
  trainerId: string;
  name: string;
  email: string;
  sharedAt: string;
}

export interface EditorModule {
  id: string;
  title: string;
  /** `owner` edits; `shared`: a trainer the owner shares it with, who may only view and assign it. */
  access: 'owner' | 'shared';
  ownerName: string;
  /** Who the owner shares it with (empty for a shared viewer). */
  shares: ModuleShare[];
  /** The language the module's lessons are written and spoken in. */
  locale: 'ja' | 'en';
  /** The revision of each thing the editor saves, by `editTarget` (./autosave.ts). */
  revisions: Record<string, number>;
  pronunciations: Pronunciation[];
  lessons: EditorLesson[];
  /** How many versions have been published. */
  versions: number;
}
