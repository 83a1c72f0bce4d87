/**
 * The trainer's package download: who may have it, what the query may say, and that the zip is
 * the module asked for. Called through the real middleware (sessions from cookies) like
 * support/app.ts does, with this route mounted here so that file stays untouched.
 */
import type { APIContext, MiddlewareHandler } from 'astro';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRequest } from '../../../src/middleware.ts';
import { GET } from '../../../src/pages/api/trainer/modules/[id]/package.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { SCORM12_SCHEMA_FILES } from '../../../src/server/scorm/scorm12Schemas.ts';
import { ORIGIN, startTestApp, type Actor } from '../support/app.ts';
import { side, type Side } from '../support/fixtures.ts';

let handle: DatabaseHandle;
let world: Side;

beforeAll(async () => {
  handle = await startTestApp();
  world = await side(handle.db, 'P');
});
afterAll(async () => handle.close());

function download(who: Actor | null, module: string, query = ''): Promise<Response> {
  const url = new URL(`/api/trainer/modules/${encodeURIComponent(module)}/package${query}`, ORIGIN);
  const headers = new Headers();
  if (who) headers.set('cookie', [...who.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
  const context = { request: new Request(url, { headers }), url, params: { id: module }, locals: {}, isPrerendered: false, clientAddress: '10.9.0.1' } as unknown as APIContext;
  return (onRequest as MiddlewareHandler)(context, async () => GET(context)) as Promise<Response>;
}

describe('GET /api/trainer/modules/:module/package', () => {
  it.each([
    ['no session', () => null, 401, 'unauthorized'],
    ["a learner's session", () => world.learner, 403, 'forbidden'],
  ])('%s → %d', async (_case, who, status, error) => {
    const response = await download(who(), 'ltv-selling');
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });

  it.each([
    ['an unknown module', 'no-such-module', ''],
    ['a path in the module id', '..%2Fquizzes', ''],
    ['an id with capitals', 'LTV-Selling', ''],
  ])('%s → 404', async (_case, module, query) => {
    expect((await download(world.trainer, module, query)).status).toBe(404);
  });

  it.each([
    ['format=scorm2004', 'format'],
    ['lang=fr', 'lang'],
    ['format=', 'format'],
    ['debug=1', 'debug'],
  ])('?%s → 400 naming %s', async (query, field) => {
    const response = await download(world.trainer, 'ltv-selling', `?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toBe('invalid-query');
    expect(JSON.stringify(body.fieldErrors)).toContain(field);
  });

  it.each([
    ['', 'ltv-dojo-ltv-selling-ja-scorm12.zip', 'imsmanifest.xml', 'ja', [...SCORM12_SCHEMA_FILES]],
    ['?format=cmi5&lang=en', 'ltv-dojo-ltv-selling-en-cmi5.zip', 'cmi5.xml', 'en', []],
  ])('a trainer gets the zip for ?%s', async (query, filename, manifest, lang, schemas) => {
    const response = await download(world.trainer, 'ltv-selling', query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    expect(zip.file(manifest)).not.toBeNull();
    // SCORM 1.2's XSDs sit beside the manifest; cmi5 has none.
    expect(Object.keys(zip.files).filter((name) => name.endsWith('.xsd')).sort()).toEqual(schemas);
    expect(await zip.file('index.html')!.async('string')).toContain(`"locale":"${lang}"`);
  });

  it('serves the second download from the cache, byte for byte', async () => {
    const first = new Uint8Array(await (await download(world.trainer, 'clv-practice')).arrayBuffer());
    const started = performance.now();
    const second = new Uint8Array(await (await download(world.trainer, 'clv-practice')).arrayBuffer());
    expect(performance.now() - started).toBeLessThan(500);
    expect(second).toEqual(first);
  });
});
