import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbenchHandler } from '../../../src/lib/workbench/handler.ts';
import { layoutOf, type WorkbenchResponse } from '../../../src/lib/workbench/protocol.ts';
import { cdnowDir, hasCdnow } from '../clv/shared-data.ts';

/**
 * The CDNOW sample through the whole workbench (the worker's handler, as the page drives it):
 * 6,919 rows, 2,357 customers. Eight of them bought only once, for $0.00: they are customers
 * like any other (lifetimes' summary counts them), so none may vanish.
 */
const sampleFile = path.join(cdnowDir, 'CDNOW_sample.txt');

describe.skipIf(!hasCdnow)(
  `the workbench on CDNOW_sample.txt (${hasCdnow ? sampleFile : `skipped: ${sampleFile} not found; set LTV_SHARED_DIR`})`,
  () => {
    it('shows all 2,357 customers, those with a single $0.00 purchase included', async () => {
      const messages: WorkbenchResponse[] = [];
      const { handle } = createWorkbenchHandler((message) => messages.push(message), {
        readSheet: async () => [],
      });
      const bytes = readFileSync(sampleFile);
      const source = { kind: 'file', file: new File([bytes], 'CDNOW_sample.txt'), name: 'CDNOW_sample.txt' } as const;
      await handle({ type: 'inspect', job: 1, source });
      const preview = messages.find((m) => m.type === 'preview')!;
      if (preview.type !== 'preview') throw new Error('no preview');
      await handle({
        type: 'analyze',
        job: 2,
        source,
        // No header; columns id_total, id_sample, date, num_cds, value (0-based indices).
        columns: { customerId: 1, date: 2, amount: 4 },
        hasHeader: false,
        layout: layoutOf(preview.preview),
        locale: 'en',
        today: '2026-01-01',
        discountRatePerYear: 0.1,
      });
      const result = messages.find((m) => m.type === 'result');
      if (result?.type !== 'result') throw new Error(`no result: ${JSON.stringify(messages.at(-1))}`);
      const { overview, customers, problems, model } = result.result;
      expect(problems).toMatchObject({ rowsRead: 6919, rowsUsed: 6919, rowsSkipped: 0, errors: 0, warnings: 0 });
      expect(overview.customers).toBe(2357);
      expect(customers.ids).toHaveLength(2357);
      // The eight customers whose only purchase was $0.00 (ids from the file).
      const freeOnly = ['0087', '0155', '0227', '0286', '1080', '1195', '1293', '2086'];
      for (const id of freeOnly) {
        const i = customers.ids.indexOf(id);
        expect(i, id).toBeGreaterThanOrEqual(0);
        expect(customers.purchases[i]).toBe(1);
        expect(customers.totalSpend[i]).toBe(0);
      }
      expect(model.purchasesUsable && model.spendUsable).toBe(true);
    });
  },
);
