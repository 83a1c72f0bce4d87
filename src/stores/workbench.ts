import { atom, computed } from 'nanostores';
import { isoToDayNumber } from '../lib/clv/dates.ts';
import type { FieldName } from '../lib/clv/parse/index.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { completeSelection, type ColumnSelection } from '../lib/workbench/columns.ts';
import type { FitCheck } from '../lib/workbench/fitCheck.ts';
import { DEFAULT_DISCOUNT_RATE_PER_YEAR } from '../lib/workbench/model.ts';
import type { Monitoring } from '../lib/workbench/monitoring.ts';
import type { ProblemReport } from '../lib/workbench/problems.ts';
import {
  layoutOf,
  type AnalysisResult,
  type WorkbenchFailure,
  type WorkbenchProgress,
  type WorkbenchRequest,
  type WorkbenchResponse,
  type WorkbenchSource,
} from '../lib/workbench/protocol.ts';
import { SAMPLE_PATH } from '../lib/workbench/sampleData.ts';
import type { SourcePreview } from '../lib/workbench/source.ts';
import { filterOrder, nextSort, pageOf, sortedOrder, type TableColumn, type TableSort } from '../lib/workbench/tableQuery.ts';

/**
 * The workbench's state and the only place that talks to its worker: load a source, map its
 * columns, analyse it (with progress and cancel), and change the discount rate or the fit
 * check's date afterwards. Components read the stores and call these actions. Nothing is
 * persisted: customer data stays in this tab's memory and is gone when the tab closes.
 */

export type WorkbenchPhase = 'idle' | 'inspecting' | 'mapping' | 'processing' | 'ready';

export interface WorkbenchState {
  phase: WorkbenchPhase;
  source: WorkbenchSource | null;
  preview: SourcePreview | null;
  selection: ColumnSelection;
  hasHeader: boolean;
  progress: WorkbenchProgress | null;
  /** The last job's failure (shown where the user is: the load step or the mapping step). */
  failure: { failure: WorkbenchFailure; detail?: string } | null;
  /** The last job was cancelled by the user. */
  cancelled: boolean;
  /** Row problems of the last analysis (also when no row could be used). */
  problems: ProblemReport | null;
}

const EMPTY_SELECTION: ColumnSelection = { customerId: null, date: null, amount: null };
const INITIAL: WorkbenchState = {
  phase: 'idle',
  source: null,
  preview: null,
  selection: EMPTY_SELECTION,
  hasHeader: true,
  progress: null,
  failure: null,
  cancelled: false,
  problems: null,
};

export const $workbench = atom<WorkbenchState>(INITIAL);
/** The analysis on screen (kept apart so that progress and monitoring updates do not re-sort tables). */
export const $analysis = atom<AnalysisResult | null>(null);
export const $monitoring = atom<Monitoring | null>(null);
export const $fitCheck = atom<FitCheck | null>(null);
/** A discount-rate or fit-check request is under way. */
export const $pending = atom<{ discount: boolean; check: boolean }>({ discount: false, check: false });
export const $discountRatePerYear = atom<number>(DEFAULT_DISCOUNT_RATE_PER_YEAR);

/** The data's last day as a day number (for "days since the last purchase"). */
export const $lastDay = computed($analysis, (analysis) => (analysis ? isoToDayNumber(analysis.overview.lastDate) : 0));

/** The customer table's view: sort, search and page (page 0-based). */
export const $customerSort = atom<TableSort>({ column: 'clv12', direction: 'descending' });
export const $customerQuery = atom('');
export const $customerPage = atom(0);
/** Rows per page of the customer table and the at-risk list. */
export const PAGE_SIZE = 50;

const NO_ROWS = new Int32Array(0);
/** Customer indices in the chosen order (re-sorted only when the data or the sort changes). */
const $sortedCustomers = computed([$analysis, $customerSort], (analysis, sort) =>
  analysis ? sortedOrder(analysis.customers, sort) : NO_ROWS,
);
/** The sorted customers whose ID matches the search. */
export const $customerRows = computed([$analysis, $sortedCustomers, $customerQuery], (analysis, order, query) =>
  analysis ? filterOrder(analysis.customers, order, query) : NO_ROWS,
);
/** The page on screen. */
export const $customerTablePage = computed([$customerRows, $customerPage], (rows, page) => pageOf(rows, page, PAGE_SIZE));

/** Sorts by a column (a second click on the same column reverses the order); back to page 1. */
export function sortCustomersBy(column: TableColumn): void {
  $customerSort.set(nextSort($customerSort.get(), column));
  $customerPage.set(0);
}

/** Searches customer IDs; back to page 1. */
export function searchCustomers(query: string): void {
  $customerQuery.set(query);
  $customerPage.set(0);
}

export function showCustomerPage(page: number): void {
  $customerPage.set(page);
}

/** What the worker needs of a Worker; tests pass a fake that answers in-process. */
export interface WorkerLike {
  postMessage(message: WorkbenchRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkbenchResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const createBrowserWorker = (): WorkerLike =>
  new Worker(new URL('../workers/workbench.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

let createWorker: () => WorkerLike = createBrowserWorker;
let worker: WorkerLike | null = null;
let job = 0;
let locale: Locale = 'ja';

/** Replaces the worker factory (tests); resets the state. */
export function setWorkerFactory(factory: (() => WorkerLike) | null): void {
  worker?.terminate();
  worker = null;
  createWorker = factory ?? createBrowserWorker;
  resetWorkbench();
}

/** Back to the start: forgets the data (the worker keeps running for the next file). */
export function resetWorkbench(): void {
  job++;
  $workbench.set(INITIAL);
  $analysis.set(null);
  $monitoring.set(null);
  $fitCheck.set(null);
  $pending.set({ discount: false, check: false });
  $discountRatePerYear.set(DEFAULT_DISCOUNT_RATE_PER_YEAR);
  $customerSort.set({ column: 'clv12', direction: 'descending' });
  $customerQuery.set('');
  $customerPage.set(0);
}

/** The language of messages and exports (set by the page's island). */
export function setWorkbenchLocale(next: Locale): void {
  locale = next;
}

function update(patch: Partial<WorkbenchState>): void {
  $workbench.set({ ...$workbench.get(), ...patch });
}

function send(request: WorkbenchRequest): void {
  if (worker === null) {
    const created = createWorker();
    created.onmessage = (event) => receive(event.data);
    created.onerror = (event) => {
      const detail = event instanceof ErrorEvent ? event.message : 'worker error';
      receive({ type: 'failed', job, failure: 'internal', detail });
    };
    worker = created;
  }
  worker.postMessage(request);
}

/** Starts with a file the user chose or dropped (or the sample). */
export function chooseFile(file: File): void {
  inspect({ kind: 'file', file, name: file.name });
}

/** Starts with text pasted from a spreadsheet. */
export function pasteText(text: string): void {
  inspect({ kind: 'text', text, name: locale === 'ja' ? '貼り付けた表' : 'pasted table' });
}

/** Fetches the bundled sample (a static file: no customer data goes anywhere) and inspects it. */
export async function loadSample(): Promise<void> {
  update({ phase: 'inspecting', failure: null, cancelled: false });
  const response = await fetch(SAMPLE_PATH);
  if (!response.ok) {
    update({ phase: 'idle', failure: { failure: 'internal', detail: `sample: HTTP ${response.status}` } });
    return;
  }
  const name = SAMPLE_PATH.split('/').pop()!;
  chooseFile(new File([await response.blob()], name, { type: 'text/csv' }));
}

function inspect(source: WorkbenchSource): void {
  resetWorkbench();
  update({ phase: 'inspecting', source });
  send({ type: 'inspect', job, source });
}

/** Sets the column of one field in the mapping step (null: none chosen). */
export function setColumn(field: FieldName, index: number | null): void {
  update({ selection: { ...$workbench.get().selection, [field]: index } });
}

export function setHasHeader(hasHeader: boolean): void {
  update({ hasHeader });
}

/** Reads the whole source with the chosen columns; false when the choice is incomplete. */
export function analyze(today: Date = new Date()): boolean {
  const { source, preview, selection, hasHeader } = $workbench.get();
  const columns = completeSelection(selection);
  if (source === null || preview === null || columns === null) return false;
  job++;
  $analysis.set(null);
  $monitoring.set(null);
  $fitCheck.set(null);
  update({ phase: 'processing', progress: null, failure: null, cancelled: false, problems: null });
  send({
    type: 'analyze',
    job,
    source,
    columns,
    hasHeader,
    layout: layoutOf(preview),
    locale,
    today: localIsoDate(today),
    discountRatePerYear: $discountRatePerYear.get(),
  });
  return true;
}

/** Stops the job at once by terminating the worker; the mapping step comes back. */
export function cancel(): void {
  worker?.terminate();
  worker = null;
  job++;
  const { preview } = $workbench.get();
  update({ phase: preview ? 'mapping' : 'idle', progress: null, cancelled: true });
  $pending.set({ discount: false, check: false });
}

/** A new discount rate per year for the 12-month CLV (e.g. 0.1 for 10 %). */
export function setDiscountRate(rate: number): void {
  $discountRatePerYear.set(rate);
  if ($analysis.get() === null) return;
  $pending.set({ ...$pending.get(), discount: true });
  send({ type: 'discount', job, discountRatePerYear: rate });
}

/** Re-runs the fit check with the model calibrated up to `calibrationEnd`. */
export function setCalibrationEnd(calibrationEnd: string): void {
  if ($analysis.get() === null) return;
  $pending.set({ ...$pending.get(), check: true });
  send({ type: 'check', job, calibrationEnd });
}

function receive(message: WorkbenchResponse): void {
  if (message.job !== job) return; // an answer to a job the user has left
  switch (message.type) {
    case 'preview': {
      const { suggestion } = message.preview;
      update({ phase: 'mapping', preview: message.preview, selection: suggestion.columns, hasHeader: suggestion.hasHeader });
      return;
    }
    case 'progress':
      update({ progress: message.progress });
      return;
    case 'result':
      // Without a CLV prediction the table opens sorted by what was spent.
      if (!message.result.model.spendUsable) $customerSort.set({ column: 'totalSpend', direction: 'descending' });
      $analysis.set(message.result);
      update({ phase: 'ready', progress: null, problems: message.result.problems });
      return;
    case 'monitoring':
      $monitoring.set(message.monitoring);
      return;
    case 'fit-check':
      $fitCheck.set(message.check);
      $pending.set({ ...$pending.get(), check: false });
      return;
    case 'discounted': {
      const analysis = $analysis.get();
      if (analysis !== null) {
        const customers = { ...analysis.customers, clv12: message.clv12 };
        $analysis.set({ ...analysis, customers, best: message.best, discountRatePerYear: message.discountRatePerYear });
      }
      $pending.set({ ...$pending.get(), discount: false });
      return;
    }
    case 'failed': {
      const { phase, preview } = $workbench.get();
      const back: WorkbenchPhase = phase === 'ready' ? 'ready' : preview ? 'mapping' : 'idle';
      update({
        phase: back,
        progress: null,
        failure: { failure: message.failure, ...(message.detail !== undefined && { detail: message.detail }) },
        problems: message.problems ?? $workbench.get().problems,
      });
      $pending.set({ discount: false, check: false });
      return;
    }
  }
}

/** Today in the user's own calendar (a purchase day is a local day, not a UTC one). */
export function localIsoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
