/**
 * The authoring API. Every handler runs for a signed-in trainer (trainerRoute) and reaches a
 * module only through a query naming that trainer: another trainer's module is a 404. Reading
 * (the draft, GIFT export) is open to trainers the module is shared with; every change is the owner's.
 */
import type { ImportedFile } from '../../lib/authoring/images.ts';
import { importFile } from '../../lib/authoring/importFile.ts';
import { giftToQuestions, questionsToGift } from '../../lib/authoring/gift.ts';
import { publishProblems } from '../../lib/authoring/publish.ts';
import { createFromMarkdownSchema, lessonPatchSchema, modulePatchSchema, questionsPutSchema, revisionOnlySchema, sectionPatchSchema } from '../../lib/authoring/schema.ts';
import { AUTHORING_LIMITS, giftImportSchema } from '../../lib/authoring/schema.ts';
import { importMarkdown } from '../../lib/authoring/markdown.ts';
import type { TrainerIdentity } from '../auth/sessions.ts';
import { fieldErrors, invalid, parseBody, parseParams } from '../http/body.ts';
import { json, notFound, problem } from '../http/json.ts';
import { respond } from '../http/outcome.ts';
import type { RouteContext } from '../http/route.ts';
import { patchLesson, patchModule, patchSection, putQuestions } from './edit.ts';
import { previewPath } from '../../lib/authoring/paths.ts';
import { DEFAULT_LOCALE } from '../../lib/i18n/locales.ts';
import { publishModule } from './publish.ts';
import { queueCustomAudio } from '../customAudio/queue.ts';
import { lessonParamsSchema, moduleParamsSchema, sectionParamsSchema, uploadFieldsSchema } from './schemas.ts';
import { createModule, listModules, readDraft, readViewableDraft } from './store.ts';
import { readUpload } from './upload.ts';

type TrainerContext = RouteContext & { trainer: TrainerIdentity };

const EDIT_BODY = { maxBytes: AUTHORING_LIMITS.maxEditBodyBytes };
const DOCUMENT_BODY = { maxBytes: AUTHORING_LIMITS.maxDocumentBodyBytes };

const importProblem = (error: { code: string; message: string; details?: Record<string, unknown> }) =>
  problem(400, 'import-failed', { reason: error.code, message: error.message, ...error.details });

/** `POST /api/trainer/modules`: a file (multipart `file`) or pasted Markdown (JSON). */
export async function postModule(context: TrainerContext): Promise<Response> {
  const type = context.request.headers.get('content-type') ?? '';
  let result;
  if (/^multipart\/form-data\s*;/i.test(type)) {
    const upload = await readUpload(context.request);
    if (!upload.ok) return upload.response;
    const fields = uploadFieldsSchema.safeParse(Object.fromEntries([...upload.fields].filter(([name]) => name !== 'file')));
    if (!fields.success) return invalid(fieldErrors(fields.error));
    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    result = await importFile({ fileName: upload.file.name, bytes, title: fields.data.title || undefined, locale: fields.data.locale });
  } else {
    const body = await parseBody(context.request, createFromMarkdownSchema, DOCUMENT_BODY);
    if (!body.ok) return body.response;
    result = importMarkdown(body.data.markdown, { title: body.data.title, locale: body.data.locale });
  }
  if (!result.ok) return importProblem(result.error);
  const { media, ...module } = result.value as ImportedFile;
  const created = await createModule(context.db, context.trainer.id, module, media?.images);
  return json(201, {
    id: created.id,
    lessons: created.lessons.map((lesson) => ({ ...lesson, url: previewPath(DEFAULT_LOCALE, created.id, lesson.id) })),
    // Pictures kept, and those left out by reason (unsupported-type, too-large, too-many, missing).
    images: { stored: media?.images.length ?? 0, skipped: media?.skipped ?? {} },
  });
}

export async function getModules(context: TrainerContext): Promise<Response> {
  return json(200, { modules: await listModules(context.db, context.trainer.id) });
}

export async function getModule(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const draft = await readViewableDraft(context.db, context.trainer.id, params.id);
  if (!draft) return notFound();
  return json(200, {
    ...draft,
    lessons: draft.lessons.map((lesson) => ({ ...lesson, url: previewPath(DEFAULT_LOCALE, draft.id, lesson.id) })),
    problems: publishProblems(draft),
  });
}

export async function patchModuleHandler(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, modulePatchSchema, EDIT_BODY);
  if (!body.ok) return body.response;
  return respond(await patchModule(context.db, context.trainer.id, params.id, body.data));
}

export async function patchLessonHandler(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, lessonParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, lessonPatchSchema, EDIT_BODY);
  if (!body.ok) return body.response;
  return respond(await patchLesson(context.db, context.trainer.id, params.id, params.lessonId, body.data));
}

export async function patchSectionHandler(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, sectionParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, sectionPatchSchema, EDIT_BODY);
  if (!body.ok) return body.response;
  return respond(await patchSection(context.db, context.trainer.id, params.id, params.sectionId, body.data));
}

export async function putQuestionsHandler(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, lessonParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, questionsPutSchema, EDIT_BODY);
  if (!body.ok) return body.response;
  return respond(await putQuestions(context.db, context.trainer.id, params.id, params.lessonId, body.data.revision, body.data.questions));
}

export async function postPublish(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, moduleParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, revisionOnlySchema, EDIT_BODY);
  if (!body.ok) return body.response;
  const outcome = await publishModule(context.db, context.trainer.id, params.id, body.data.revision);
  if (outcome.ok) await queueAudioQuietly(context.db, outcome.value.versionId);
  return respond(outcome, 201);
}

/** The new version's recorded narration is rendered in the background; a failure to queue it never fails the publish. */
async function queueAudioQuietly(db: RouteContext['db'], versionId: string): Promise<void> {
  try {
    await queueCustomAudio(db, versionId);
  } catch (error) {
    console.error(`[custom-audio] could not queue ${versionId}:`, error);
  }
}

/** The lesson's questions as Moodle GIFT text, for reuse elsewhere. */
export async function getGift(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, lessonParamsSchema);
  if (!params) return notFound();
  const draft = await readViewableDraft(context.db, context.trainer.id, params.id);
  const lesson = draft?.lessons.find((candidate) => candidate.id === params.lessonId);
  if (!draft || !lesson) return notFound();
  return new Response(questionsToGift(lesson.questions, draft.locale), {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': 'attachment; filename="questions.gift.txt"', 'cache-control': 'no-store' },
  });
}

/** GIFT text → questions appended to the lesson's test (checked like any other save). */
export async function postGift(context: TrainerContext): Promise<Response> {
  const params = parseParams(context.params, lessonParamsSchema);
  if (!params) return notFound();
  const body = await parseBody(context.request, giftImportSchema, DOCUMENT_BODY);
  if (!body.ok) return body.response;
  const draft = await readDraft(context.db, context.trainer.id, params.id);
  const lesson = draft?.lessons.find((candidate) => candidate.id === params.lessonId);
  if (!draft || !lesson) return notFound();
  const firstSection = lesson.sections[0];
  if (!firstSection) return problem(409, 'no-sections');
  const parsed = giftToQuestions(body.data.gift, { locale: draft.locale, sectionId: body.data.sectionId ?? firstSection.id, existingIds: lesson.questions.map((q) => q.id) });
  if (!parsed.ok) return problem(400, 'gift-invalid', { message: parsed.message });
  return respond(await putQuestions(context.db, context.trainer.id, params.id, params.lessonId, body.data.revision, [...lesson.questions, ...parsed.questions]));
}
