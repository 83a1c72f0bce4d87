/**
 * Why an import failed, in words the trainer can act on. The server answers 400 with `code`
 * (for programs) and `message` (for people); nothing of a failed file is stored.
 */
export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-a-zip'
  | 'encrypted'
  | 'not-a-pptx'
  | 'not-a-docx'
  | 'corrupt'
  | 'unsupported-type'
  | 'too-many-slides'
  | 'too-many-lessons'
  | 'too-many-sections'
  | 'text-too-long'
  | 'invalid-content';

export interface ImportError {
  code: ImportErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ImportResult<Value> = { ok: true; value: Value } | { ok: false; error: ImportError };

export const imported = <Value>(value: Value): ImportResult<Value> => ({ ok: true, value });

export function importFailure(code: ImportErrorCode, message: string, details?: Record<string, unknown>): { ok: false; error: ImportError } {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
