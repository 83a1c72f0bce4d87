import type { ParseLocale } from '../clv/parse/index.ts';
import type { IsoDate } from '../clv/types.ts';
import type { FieldColumns } from './columns.ts';
import type { CustomerColumns } from './customerColumns.ts';
import type { FitCheck } from './fitCheck.ts';
import type { ModelReport } from './model.ts';
import type { Monitoring } from './monitoring.ts';
import type { Overview } from './overview.ts';
import type { AnalysisStage } from './pipeline.ts';
import type { ProblemReport } from './problems.ts';
import type { SourceFailure, SourcePreview } from './source.ts';

/**
 * The messages between the page and the workbench worker. Every request carries a job number
 * that the answers repeat, so the page can drop answers to a job it has abandoned. The
 * customer data travels only between the page and its own worker: nothing here goes to a server.
 */

/** The data to read: a file the user chose (or the sample, fetched as a file), or pasted text. */
export type WorkbenchSource = { kind: 'file'; file: Blob; name: string } | { kind: 'text'; text: string; name: string };

/** Read the head of the source and guess the columns. */
export interface InspectRequest {
  type: 'inspect';
  job: number;
  source: WorkbenchSource;
}

/** Read the whole source with the chosen columns and analyse it. */
export interface AnalyzeRequest {
  type: 'analyze';
  job: number;
  source: WorkbenchSource;
  columns: FieldColumns;
  hasHeader: boolean;
  layout: Pick<SourcePreview, 'delimiter' | 'firstCells' | 'firstLineCount'>;
  locale: ParseLocale;
  /** The user's today: rows dated later are left out as typos. */
  today: IsoDate;
  discountRatePerYear: number;
}

/** Re-discount the 12-month CLV of the last analysis. */
export interface DiscountRequest {
  type: 'discount';
  job: number;
  discountRatePerYear: number;
}

/** Run the fit check of the last analysis with another calibration end. */
export interface CheckRequest {
  type: 'check';
  job: number;
  calibrationEnd: IsoDate;
}

export type WorkbenchRequest = InspectRequest | AnalyzeRequest | DiscountRequest | CheckRequest;

/** What the progress bar shows. */
export interface WorkbenchProgress {
  stage: 'reading' | 'reading-sheet' | AnalysisStage;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

/** Why a job stopped: the file cannot be read, no row could be used, or a bug. */
export type WorkbenchFailure = SourceFailure | 'no-rows' | 'no-purchases' | 'no-session' | 'internal';

/** The first screen's data. */
export interface AnalysisResult {
  sourceName: string;
  format: SourcePreview['format'];
  encoding: string;
  encodingSuspect: boolean;
  problems: ProblemReport;
  overview: Overview;
  customers: CustomerColumns;
  model: ModelReport;
  atRisk: Int32Array;
  best: Int32Array;
  discountRatePerYear: number;
  /** The fit check's default calibration end and the range it may take. */
  calibration: { default: IsoDate; min: IsoDate; max: IsoDate };
}

export type WorkbenchResponse =
  | { type: 'preview'; job: number; preview: SourcePreview }
  | { type: 'progress'; job: number; progress: WorkbenchProgress }
  | { type: 'result'; job: number; result: AnalysisResult }
  | { type: 'monitoring'; job: number; monitoring: Monitoring }
  | { type: 'fit-check'; job: number; check: FitCheck }
  | { type: 'discounted'; job: number; discountRatePerYear: number; clv12: Float64Array; best: Int32Array }
  /** `problems` is set when rows were read but none could be used, so the user sees why. */
  | { type: 'failed'; job: number; failure: WorkbenchFailure; problems?: ProblemReport; detail?: string };

/** The layout fields of an analyze request, from the preview. */
export function layoutOf(preview: SourcePreview): AnalyzeRequest['layout'] {
  return { delimiter: preview.delimiter, firstCells: preview.firstCells, firstLineCount: preview.firstLineCount };
}
