import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { repoRoot, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The workbench page with its island hydrated (Astro drops `ssr` from a hydrated island). */
async function openWorkbench(pathname = '/workbench/'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors = collectPageErrors(page);
  await page.goto(server.baseUrl + pathname);
  await page.locator('[data-testid="workbench"]').locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
  return { page, errors };
}

async function upload(page: Page, name: string, buffer: Buffer | Uint8Array) {
  await page.locator('[data-testid="file-input"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(buffer) });
  await page.locator('[data-testid="mapping-preview"]').waitFor();
}

async function analyse(page: Page) {
  await page.click('[data-testid="analyze"]');
  await page.locator('[data-testid="overview-figures"]').waitFor({ timeout: 30_000 });
}

describe('the customer workbench', () => {
  it('loads the sample: overview, sorted table, at-risk list, CSV export with BOM and Japanese header', async () => {
    const { page, errors } = await openWorkbench();
    expect(await page.locator('[data-testid="privacy-note"]').innerText()).toContain('サーバーには送りません');
    await page.click('[data-testid="load-sample"]');
    await page.locator('[data-testid="mapping-preview"]').waitFor();
    expect(await page.locator('#workbench-column-customerId').inputValue()).toBe('1');
    await analyse(page);
    const figures = await page.locator('[data-testid="overview-figures"]').innerText();
    expect(figures).toContain('3,000人');
    expect(figures).toContain('2024-04-01〜2026-03-31');
    expect(await page.getByRole('img', { name: /パレート曲線/ }).count()).toBe(1);

    await page.getByRole('tab', { name: '顧客一覧' }).click();
    const totalHeader = page.getByRole('columnheader', { name: /購入合計/ });
    await totalHeader.getByRole('button').click();
    await expect.poll(() => totalHeader.getAttribute('aria-sort')).toBe('descending');
    const totals = await page.locator('[data-testid="customer-table"] tbody tr td:nth-child(5)').allInnerTexts();
    const values = totals.map((text) => Number(text.replace(/[^\d-]/g, '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Keyboard: the header button sorts with Enter too.
    await totalHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => totalHeader.getAttribute('aria-sort')).toBe('ascending');

    await page.getByRole('tab', { name: '離反リスク' }).click();
    const atRiskRows = page.locator('[data-testid="at-risk-table"] tbody tr');
    expect(await atRiskRows.count()).toBeGreaterThan(0);
    const firstAtRisk = await atRiskRows.first().locator('th').innerText();

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-at-risk"]')]);
    expect(download.suggestedFilename()).toMatch(/^離反リスクのお客様_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('顧客ID,購入合計（円）,購入回数,最終購入日,最後の購入からの日数,ふだんの購入間隔（日）,継続している確率,12か月の予測CLV（円・割引後）');
    expect(lines[1]!.startsWith(`${firstAtRisk},`)).toBe(true);

    await page.getByRole('tab', { name: '推移' }).click();
    await page.locator('[data-testid="cohort-table"]').waitFor();
    await page.getByRole('tab', { name: 'モデル' }).click();
    await page.locator('[data-testid="fit-verdict"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a Shift_JIS CSV with a Japanese header', async () => {
    const { page, errors } = await openWorkbench();
    await upload(page, 'transactions-sjis.csv', await readFile(path.join(repoRoot, 'tests/fixtures/csv/transactions-sjis.csv')));
    expect(await page.locator('[data-testid="source-info"]').innerText()).toContain('Shift_JIS');
    expect(await page.locator('[data-testid="mapping-preview"] thead').innerText()).toContain('顧客ID');
    expect(await page.locator('#workbench-column-amount').inputValue()).toBe('2');
    await analyse(page);
    const figures = await page.locator('[data-testid="overview-figures"]').innerText();
    expect(figures).toContain('2人');
    // Too few customers for the model: the model tab says why in plain words.
    await page.getByRole('tab', { name: 'モデル' }).click();
    expect(await page.locator('[data-testid="model-notes"]').innerText()).toContain('2回以上買ったお客様が');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads an Excel workbook (.xlsx) in the worker', async () => {
    const { page, errors } = await openWorkbench();
    const rows: Array<Array<string | number>> = [['顧客番号', '購入日', '売上金額']];
    for (let i = 0; i < 60; i++) rows.push([`K${i % 20}`, `2025/${1 + (i % 12)}/${1 + (i % 27)}`, 1000 + 10 * i]);
    await page.locator('[data-testid="file-input"]').setInputFiles({
      name: 'sales.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx(rows),
    });
    await page.locator('[data-testid="mapping-preview"]').waitFor();
    expect(await page.locator('[data-testid="source-info"]').innerText()).toContain('Excel の最初のシート');
    expect(await page.locator('#workbench-column-date').inputValue()).toBe('1');
    await analyse(page);
    const figures = await page.locator('[data-testid="overview-figures"]').innerText();
    expect(figures).toContain('20人');
    expect(figures).toContain('60');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the row errors of a broken file and still uses the good rows', async () => {
    const { page } = await openWorkbench();
    const broken = ['顧客ID,日付,金額', 'A,2025-04-01,1000', 'B,2025-02-30,500', 'C,2025-04-03,abc', ',2025-04-04,100', 'A,2999-01-01,100', 'A,2025-05-01,1200'].join('\r\n');
    await upload(page, 'broken.csv', Buffer.from(broken));
    await analyse(page);
    expect(await page.locator('[data-testid="problems-summary"]').innerText()).toContain('4行を除外しました（6行のうち2行を使いました）');
    await page.locator('[data-testid="problems"] summary').click();
    const rows = await page.locator('[data-testid="problems-table"] tbody tr').allInnerTexts();
    expect(rows[0]).toContain('3');
    expect(rows[0]).toContain('2025-02-30');
    expect(rows.join('\n')).toContain('顧客IDが空です');
    expect(rows.join('\n')).toContain('2999-01-01');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-problems"]')]);
    const text = (await readFile((await download.path())!)).toString('utf8');
    expect(text.startsWith('\uFEFF行,列,種類,理由\r\n3,日付,エラー（除外）,')).toBe(true);
    await page.close();
  });

  it('refuses an empty file with a specific message', async () => {
    const { page } = await openWorkbench();
    await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    expect(await page.locator('[data-testid="load-failure"]').innerText()).toContain('ファイルが空です');
    await page.close();
  });

  it('cancels a long load: the worker stops and the mapping step comes back', async () => {
    const { page, errors } = await openWorkbench();
    await upload(page, 'large.csv', largeCsv(600_000));
    await page.click('[data-testid="analyze"]');
    await page.locator('[data-testid="cancel"]').waitFor();
    await page.click('[data-testid="cancel"]');
    await page.getByText('読み込みを中止しました。列を確かめて、もう一度分析できます。').waitFor();
    // No result arrives afterwards: the worker was terminated, not just ignored.
    await page.waitForTimeout(2000);
    expect(await page.locator('[data-testid="overview-figures"]').count()).toBe(0);
    expect(await page.locator('[data-testid="analyze"]').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends no request carrying the file while it reads and analyses it', async () => {
    const { page } = await openWorkbench();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const secret = 'HIDDEN-CUSTOMER-7d3f';
    const lines = ['顧客ID,日付,金額'];
    for (let i = 0; i < 3000; i++) lines.push(`${secret}-${i % 300},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${1000 + i}`);
    await upload(page, 'private.csv', Buffer.from(lines.join('\n')));
    await analyse(page);
    await page.getByRole('tab', { name: '顧客一覧' }).click();
    await page.getByRole('tab', { name: 'モデル' }).click();
    await page.waitForTimeout(500);
    const origin = new URL(server.baseUrl).origin;
    for (const request of requests) {
      // Only the page's own scripts (the worker and its chunks) may load: GETs without a body.
      expect(request.method()).toBe('GET');
      expect(request.postData()).toBeNull();
      expect(request.url()).not.toContain(secret);
      expect(new URL(request.url()).origin).toBe(origin);
      expect(new URL(request.url()).pathname).toMatch(/^\/_astro\//);
    }
    await page.close();
  });

  it('has no serious accessibility violations (load step and results)', async () => {
    const { page } = await openWorkbench();
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-testid="load-sample"]');
    await page.locator('[data-testid="mapping-preview"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await analyse(page);
    for (const tab of ['概要', '顧客一覧', '離反リスク', '推移', 'モデル']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(200);
      expect({ tab, violations: await seriousViolations(page) }).toEqual({ tab, violations: [] });
    }
    await page.close();
  });

  it('works in English, with English CSV headers', async () => {
    const { page } = await openWorkbench('/en/workbench/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.click('[data-testid="load-sample"]');
    await page.locator('[data-testid="mapping-preview"]').waitFor();
    await analyse(page);
    await page.getByRole('tab', { name: 'Customers' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-customers"]')]);
    const text = (await readFile((await download.path())!)).toString('utf8');
    expect(text.startsWith('\uFEFFCustomer ID,First purchase,Last purchase,Purchases,')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(3001);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

/** A transaction file of `rows` rows (about 30 bytes each) for 10 % as many customers. */
function largeCsv(rows: number): Buffer {
  const lines = ['顧客ID,日付,金額'];
  for (let i = 0; i < rows; i++) {
    const customer = (i * 7919) % Math.max(1, rows / 10);
    lines.push(`C${customer},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${100 + (i % 5000)}`);
  }
  return Buffer.from(lines.join('\n'));
}

/**
 * A minimal .xlsx: a zip without compression holding one sheet with inline strings, which is
 * all read-excel-file needs (and avoids a spreadsheet-writing dependency in the tests).
 */
function xlsx(rows: Array<Array<string | number>>): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const xml = '<?xml version="1.0" encoding="UTF-8"?>';
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (value: string | number, ref: string) =>
    typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
  const sheetRows = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((value, c) => cell(value, `${String.fromCharCode(65 + c)}${r + 1}`)).join('')}</row>`)
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `${xml}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${xml}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${xml}<worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  // ZIP (PKWARE APPNOTE 4.3): a local header per file, then the central directory and its end record.
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, fileName, data);
    directory.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length / 2, 8);
  end.writeUInt16LE(directory.length / 2, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}
