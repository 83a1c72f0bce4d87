/**
 * Tests in progress, kept in localStorage per assignment: the attempt id, its questions (the
 * learner view, which holds no answers) and the answers given so far. A reload, a lost connection
 * or a closed tab resumes the same attempt with the same answers; offline the questions still show.
 */
import type { LearnerView } from '../../lib/quiz/view.ts';
import type { QueueStorage } from './submissionQueue.ts';

export const DRAFTS_KEY = 'ltv-dojo:test-drafts';
export const DRAFTS_VERSION = 1;

export interface TestDraft {
  attemptId: string;
  view: LearnerView;
  responses: Record<string, unknown>;
}

type Drafts = Record<string, TestDraft>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readAll(storage: QueueStorage): Drafts {
  try {
    const raw: unknown = JSON.parse(storage.getItem(DRAFTS_KEY) ?? 'null');
    if (!isRecord(raw) || raw.version !== DRAFTS_VERSION || !isRecord(raw.byAssignment)) return {};
    const drafts: Drafts = {};
    for (const [assignmentId, draft] of Object.entries(raw.byAssignment)) {
      if (isRecord(draft) && typeof draft.attemptId === 'string' && isRecord(draft.view) && Array.isArray(draft.view.questions) && isRecord(draft.responses)) {
        drafts[assignmentId] = draft as unknown as TestDraft;
      }
    }
    return drafts;
  } catch {
    return {};
  }
}

function writeAll(storage: QueueStorage, drafts: Drafts): void {
  try {
    storage.setItem(DRAFTS_KEY, JSON.stringify({ version: DRAFTS_VERSION, byAssignment: drafts }));
  } catch {
    // Storage full or blocked: the test still works, it just will not survive a reload.
  }
}

export function readDraft(storage: QueueStorage, assignmentId: string): TestDraft | null {
  return readAll(storage)[assignmentId] ?? null;
}

export function saveDraft(storage: QueueStorage, assignmentId: string, draft: TestDraft): void {
  writeAll(storage, { ...readAll(storage), [assignmentId]: draft });
}

export function dropDraft(storage: QueueStorage, assignmentId: string): void {
  const drafts = readAll(storage);
  delete drafts[assignmentId];
  writeAll(storage, drafts);
}

/** A fresh id for one submission; getRandomValues works on plain-HTTP intranets where randomUUID does not. */
export function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
