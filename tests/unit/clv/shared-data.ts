import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the shared CDNOW reference data lives: `../shared/data/cdnow` beside the repository
 * (never copied into it), or `$LTV_SHARED_DIR/data/cdnow`. Tests skip when it is absent.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedDir = process.env.LTV_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');

/** The CDNOW folder, whether or not it exists. */
export const cdnowDir = path.resolve(sharedDir, 'data', 'cdnow');

/** True when the CDNOW files needed by the cross-checks are present. */
export const hasCdnow = ['CDNOW_master.txt', 'CDNOW_sample.txt', 'cdnow_customers_summary.csv', 'cdnow_customers_summary_with_transactions.csv'].every(
  (file) => existsSync(path.join(cdnowDir, file)),
);
