import { DEFAULT_MAX_BYTES } from '../clv/parse/index.ts';
import type { IsoDate, TransactionRow } from '../clv/types.ts';
import { bestCustomers } from './atRisk.ts';
import { readInBatches } from './batches.ts';
import { customerBuffers } from './customerColumns.ts';
import { calibrationRange, checkFit, defaultCalibrationEnd } from './fitCheck.ts';
import { discountedClv } from './model.ts';
import { monitoringOf } from './monitoring.ts';
import { analyzeRows } from './pipeline.ts';
import type { AnalyzeRequest, WorkbenchRequest, WorkbenchResponse, WorkbenchSource } from './protocol.ts';
import { headOf, HEAD_BYTES, inspectBytes, inspectText, sniffFormat } from './source.ts';
import { sheetToTsv, type SheetCell } from './xlsx.ts';

/**
 * The worker's side of the protocol, without the Worker itself: `handle` takes a request and
 * answers through `post`, so tests drive it directly. It keeps the last analysis (the purchase
 * rows and the monthly values) so that a new discount rate or calibration date needs no
 * re-reading. Excel workbooks are read through `readSheet`, which the worker loads on demand.
 */

export type Post = (message: WorkbenchResponse, transfer?: Transferable[]) => void;

export interface HandlerDeps {
  /** Reads the first sheet of an .xlsx file into rows of cells (read-excel-file's readSheet). */
  readSheet: (file: Blob) => Promise<SheetCell[][]>;
}

interface Session {
  job: number;
  purchaseRows: TransactionRow[];
  firstDate: IsoDate;
  lastDate: IsoDate;
  ids: string[];
  totalSpend: Float64Array;
  monthlyValues: Float64Array | null;
}

export function createWorkbenchHandler(post: Post, deps: HandlerDeps) {
  let session: Session | null = null;
  // A workbook is read once for the preview and reused for the analysis.
  let sheetCache: { file: Blob; text: string } | null = null;

  const readSheetText = async (file: Blob): Promise<string> => {
    if (sheetCache?.file === file) return sheetCache.text;
    const text = sheetToTsv(await deps.readSheet(file));
    sheetCache = { file, text };
    return text;
  };

  /** The file's bytes, or its sheet as text for a workbook. */
  const readSource = async (source: WorkbenchSource, job: number): Promise<Uint8Array | string> => {
    if (source.kind === 'text') return source.text;
    const bytes = new Uint8Array(await source.file.arrayBuffer());
    if (sniffFormat(bytes) !== 'xlsx') return bytes;
    post({ type: 'progress', job, progress: { stage: 'reading-sheet', rowsRead: 0, bytesRead: 0, totalBytes: bytes.length } });
    return readSheetText(source.file);
  };

  const inspect = async (job: number, source: WorkbenchSource): Promise<void> => {
    if (source.kind === 'text') {
      const result = inspectText(source.text, { name: source.name, format: 'paste', sizeBytes: source.text.length, encoding: 'text', complete: true });
      post(result.ok ? { type: 'preview', job, preview: result.preview } : { type: 'failed', job, failure: result.failure });
      return;
    }
    const { file, name } = source;
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    if (sniffFormat(head) === 'xlsx') {
      let text: string;
      try {
        text = await readSheetText(file);
      } catch (error) {
        post({ type: 'failed', job, failure: 'unreadable-xlsx', detail: String(error) });
        return;
      }
      const result = inspectText(text, { name, format: 'xlsx', sizeBytes: file.size, encoding: 'xlsx', complete: true });
      post(result.ok ? { type: 'preview', job, preview: result.preview } : { type: 'failed', job, failure: result.failure });
      return;
    }
    const result = inspectBytes(headOf(head), file.size, name);
    post(result.ok ? { type: 'preview', job, preview: result.preview } : { type: 'failed', job, failure: result.failure });
  };

  const analyze = async (request: AnalyzeRequest): Promise<void> => {
    const { job, locale } = request;
    session = null;
    if (request.source.kind === 'file' && request.source.file.size > DEFAULT_MAX_BYTES) {
      post({ type: 'failed', job, failure: 'too-large' });
      return;
    }
    const input = await readSource(request.source, job);
    const read = readInBatches(input, {
      locale,
      columns: request.columns,
      hasHeader: request.hasHeader,
      delimiter: request.layout.delimiter,
      firstCells: request.layout.firstCells,
      firstLineCount: request.layout.firstLineCount,
      observationEnd: request.today,
      onProgress: (progress) => post({ type: 'progress', job, progress: { stage: 'reading', ...progress } }),
    });
    const stage = (name: 'summarizing' | 'fitting' | 'predicting') =>
      post({ type: 'progress', job, progress: { stage: name, rowsRead: read.rowsRead, bytesRead: input.length, totalBytes: input.length } });
    const analysis =
      read.rows.length === 0
        ? null
        : analyzeRows(read.rows, { locale, discountRatePerYear: request.discountRatePerYear, problems: read.problems, onStage: stage });
    // Rows used: those that reached a customer's history or total (none when every row was a refund).
    const problems = read.problems.report(read.rowsRead, analysis === null ? 0 : read.rows.length - analysis.rowsLeftOut);
    if (analysis === null) {
      post({ type: 'failed', job, failure: read.rows.length === 0 ? 'no-rows' : 'no-purchases', problems });
      return;
    }
    const { overview, customers } = analysis;
    session = {
      job,
      purchaseRows: analysis.purchaseRows,
      firstDate: overview.firstDate,
      lastDate: overview.lastDate,
      ids: customers.ids,
      totalSpend: customers.totalSpend.slice(), // the original is transferred to the page
      monthlyValues: analysis.monthlyValues,
    };
    const calibrationEnd = defaultCalibrationEnd(overview.firstDate, overview.lastDate);
    post(
      {
        type: 'result',
        job,
        result: {
          sourceName: request.source.name,
          format: request.source.kind === 'text' ? 'paste' : typeof input === 'string' ? 'xlsx' : 'csv',
          encoding: read.encoding,
          encodingSuspect: read.encodingSuspect,
          problems,
          overview,
          customers,
          model: analysis.model,
          atRisk: analysis.atRisk,
          best: analysis.best,
          discountRatePerYear: request.discountRatePerYear,
          calibration: { default: calibrationEnd, ...calibrationRange(overview.firstDate, overview.lastDate) },
        },
      },
      [...customerBuffers(customers), analysis.atRisk.buffer, analysis.best.buffer],
    );
    // The first table is on screen; the slower views follow.
    post({ type: 'monitoring', job, monitoring: monitoringOf(analysis.purchaseRows, overview.firstDate, overview.lastDate) });
    post({ type: 'fit-check', job, check: checkFit(analysis.purchaseRows, overview.firstDate, overview.lastDate, calibrationEnd) });
  };

  const handle = async (request: WorkbenchRequest): Promise<void> => {
    try {
      switch (request.type) {
        case 'inspect':
          return await inspect(request.job, request.source);
        case 'analyze':
          return await analyze(request);
        case 'discount': {
          const rate = request.discountRatePerYear;
          if (session === null || !(rate > -1) || !Number.isFinite(rate)) {
            post({ type: 'failed', job: request.job, failure: 'no-session' });
            return;
          }
          const clv12 = new Float64Array(session.ids.length).fill(Number.NaN);
          if (session.monthlyValues !== null) discountedClv(session.monthlyValues, rate, clv12);
          const best = bestCustomers({ ids: session.ids, clv12, totalSpend: session.totalSpend });
          post({ type: 'discounted', job: request.job, discountRatePerYear: rate, clv12, best }, [clv12.buffer, best.buffer]);
          return;
        }
        case 'check': {
          if (session === null) {
            post({ type: 'failed', job: request.job, failure: 'no-session' });
            return;
          }
          const check = checkFit(session.purchaseRows, session.firstDate, session.lastDate, request.calibrationEnd);
          post({ type: 'fit-check', job: request.job, check });
          return;
        }
      }
    } catch (error) {
      post({ type: 'failed', job: request.job, failure: 'internal', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  return { handle };
}
