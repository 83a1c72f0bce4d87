/**
 * Reading an uploaded file: multipart/form-data with a `file` field, capped while the body
 * streams in (the JSON cap of src/server/http/body.ts is 32 KB; a deck needs megabytes), then
 * parsed by the platform's own multipart parser.
 */
import { AUTHORING_LIMITS } from '../../lib/authoring/schema.ts';
import { readBodyBytes } from '../http/body.ts';
import { problem } from '../http/json.ts';

/** The file limit plus room for the other fields and the multipart boundaries. */
export const MAX_UPLOAD_BODY_BYTES = AUTHORING_LIMITS.maxUploadBytes + 64 * 1024;

export type Upload = { ok: true; file: File; fields: Map<string, string> } | { ok: false; response: Response };

const tooLarge = () => problem(413, 'file-too-large', { maxBytes: AUTHORING_LIMITS.maxUploadBytes, message: `the file is larger than ${AUTHORING_LIMITS.maxUploadBytes / 1024 / 1024} MB` });

export async function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BODY_BYTES) return { ok: false, response: tooLarge() };
  const bytes = await readBodyBytes(request, MAX_UPLOAD_BODY_BYTES);
  if (bytes === null) return { ok: false, response: tooLarge() };
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
  } catch {
    return { ok: false, response: problem(400, 'invalid-form', { message: 'the upload is not valid multipart/form-data' }) };
  }
  const file = form.get('file');
  if (!(file instanceof File)) return { ok: false, response: problem(400, 'invalid-body', { fieldErrors: { file: ['choose a file (.pptx, .docx or .md)'] } }) };
  const fields = new Map<string, string>();
  for (const [name, value] of form) if (typeof value === 'string') fields.set(name, value);
  return { ok: true, file, fields };
}
