/**
 * The workbench's Web Worker: reading, parsing and modelling run here, so a 60 MB file never
 * freezes the page; the page cancels a job by terminating this worker. All logic is in
 * src/lib/workbench/handler.ts; this file only wires it to the worker's messages. read-excel-file
 * is imported only when a workbook arrives (it is a separate chunk).
 */
import { createWorkbenchHandler } from '../lib/workbench/handler.ts';
import type { WorkbenchRequest, WorkbenchResponse } from '../lib/workbench/protocol.ts';
import type { SheetCell } from '../lib/workbench/xlsx.ts';

/** The parts of the worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: WorkbenchResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkbenchRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const { handle } = createWorkbenchHandler(
  (message, transfer = []) => scope.postMessage(message, transfer),
  {
    readSheet: async (file) => {
      const { readSheet } = await import('read-excel-file/web-worker');
      return (await readSheet(file)) as unknown as SheetCell[][];
    },
  },
);

scope.onmessage = (event: MessageEvent<WorkbenchRequest>) => {
  void handle(event.data);
};
