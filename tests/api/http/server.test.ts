/**
 * The built server over real HTTP: the whole trainer-learner flow, security headers and the CSP
 * that lets exactly the page's own inline scripts run, CSRF refusals, the setup page that
 * disappears, and sample data only by an explicit command, outside production.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnEnv } from '../../e2e/support/server.ts';
import { httpClient, serverStore, startBuiltServer, type BuiltServer, type ServerStore, useBuiltServer } from '../support/built.ts';

const server = useBuiltServer();

describe('first start', () => {
  it('shows the setup page while no trainer exists, then only the sign-in page', async () => {
    const anonymous = httpClient(server.baseUrl);
    const home = await anonymous.get('/trainer/');
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/trainer/setup/');
    const setup = await anonymous.get('/trainer/setup/');
    expect(setup.status).toBe(200);
    // A new user who only wants to look around is pointed at the sample data instead.
    expect(await setup.text()).toContain('npm run sample-data');
    const owner = httpClient(server.baseUrl);
    expect((await owner.post('/api/auth/setup', { email: 'owner@example.com', name: 'Owner', password: 'owner password 1' })).status).toBe(201);
    const closed = await anonymous.get('/trainer/setup/');
    expect(closed.status).toBe(302);
    expect(closed.headers.get('location')).toBe('/trainer/login/');
    expect((await anonymous.get('/en/trainer/')).headers.get('location')).toBe('/en/trainer/login/');
  });
});

describe('the whole flow over HTTP', () => {
  it('cohort, assignment, invite, join, test, submit, dashboard and CSV', async () => {
    const trainer = httpClient(server.baseUrl);
    expect((await trainer.post('/api/auth/login', { email: 'owner@example.com', password: 'owner password 1' })).status).toBe(200);
    const { cohort } = await (await trainer.post('/api/trainer/cohorts', { name: '営業2課' })).json();
    const assigned = await trainer.post(`/api/trainer/cohorts/${cohort.id}/assignments`, { modules: ['ltv-selling'], dueAt: new Date(Date.now() + 1e9).toISOString(), passMark: 0.8 });
    const { assignments } = await assigned.json();
    expect(assignments.length).toBeGreaterThan(1);

    const joinPage = await fetch(server.baseUrl + cohort.invitePath);
    expect(joinPage.status).toBe(200);
    expect(await joinPage.text()).toContain('営業2課');
    expect((await fetch(`${server.baseUrl}/join/${'x'.repeat(32)}/`)).status).toBe(404);

    const learner = httpClient(server.baseUrl);
    const token = cohort.invitePath.split('/').filter(Boolean).pop();
    expect((await learner.post('/api/auth/join', { token, name: '田中' })).status).toBe(201);
    const myPage = await learner.get('/learn/');
    expect(await myPage.text()).toContain('田中');
    const { attemptId } = await (await learner.post('/api/learner/attempts', { assignmentId: assignments[0].id })).json();
    const submitted = await learner.post(`/api/learner/attempts/${attemptId}/submit`, { clientSubmissionId: 'http-flow-1', responses: {} });
    expect(submitted.status).toBe(200);

    const page = await trainer.get(`/trainer/cohorts/${cohort.id}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('田中');
    expect(html).toContain('data-testid="matrix"');
    expect(html).toContain('data-testid="item-analysis"');
    // Another trainer's browser (or nobody) does not get the page.
    expect((await httpClient(server.baseUrl).get(`/trainer/cohorts/${cohort.id}/`)).headers.get('location')).toBe('/trainer/login/');

    const csv = await trainer.get(`/api/trainer/cohorts/${cohort.id}/export.csv`);
    expect([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('security headers', () => {
  it('give on-demand pages a CSP that allows exactly their inline scripts', async () => {
    const response = await fetch(`${server.baseUrl}/trainer/login/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] as string).filter((body) => body.trim());
    expect(inline.length).toBeGreaterThan(0);
    for (const body of inline) expect(policy).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });

  it('give JSON a CSP that allows nothing and no-store caching', async () => {
    const response = await fetch(`${server.baseUrl}/api/auth/session`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('CSRF over HTTP', () => {
  it('refuses a cross-origin JSON post and a cross-origin form post', async () => {
    const json = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'owner password 1' }),
    });
    expect(json.status).toBe(403);
    const form = await fetch(`${server.baseUrl}/api/trainer/cohorts`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=evil',
    });
    expect(form.status).toBe(403);
  });
});

/** `npm run sample-data` on a store, as the README runs it (before the server: one process per PGlite directory). */
function sampleData(store: ServerStore, args: string[] = [], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['scripts/sample-data.ts', ...args], { cwd: repoRoot, env: spawnEnv({ ...store.env, ...env }), encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr, password: /password: (\S+)/.exec(run.stdout)?.[1] };
}

describe('sample data', () => {
  it('is never created by the server, whatever the requests', async () => {
    const quietStore = await serverStore();
    // A development server with nothing configured: only its own behaviour keeps accounts away.
    const fresh = await startBuiltServer({ ...quietStore.env, NODE_ENV: 'development' });
    try {
      const anonymous = httpClient(fresh.baseUrl);
      await anonymous.get('/trainer/');
      await anonymous.get('/learn/');
      expect(await (await anonymous.get('/api/auth/session')).json()).toMatchObject({ setupOpen: true });
      expect((await anonymous.post('/api/auth/login', { email: 'trainer@example.com', password: 'ltv-dojo-sample' })).status).toBe(401);
      expect((await anonymous.get('/trainer/setup/')).status).toBe(200);
    } finally {
      await fresh.stop();
      await quietStore.dispose();
    }
  }, 180_000);

  it('is loaded once by npm run sample-data, with its random password shown once; never in production', async () => {
    const sampleStore = await serverStore();
    let sample: BuiltServer | undefined;
    try {
      const refused = sampleData(sampleStore, [], { NODE_ENV: 'production' });
      expect(refused.status).toBe(1);
      expect(refused.output).toContain('NODE_ENV=production');

      const first = sampleData(sampleStore);
      expect(first.status, first.output).toBe(0);
      expect(first.password).toMatch(/^[a-z2-9]{4}(?:-[a-z2-9]{4}){3}$/);
      const again = sampleData(sampleStore);
      expect(again.status, again.output).toBe(0);
      expect(again.output).toContain('already exists');
      expect(again.output).toContain('--reset-password');
      expect(again.password).toBeUndefined();

      sample = await startBuiltServer(sampleStore.env);
      const trainer = httpClient(sample.baseUrl);
      expect((await trainer.post('/api/auth/login', { email: 'trainer@example.com', password: 'ltv-dojo-sample' })).status).toBe(401);
      expect((await trainer.post('/api/auth/login', { email: 'trainer@example.com', password: first.password })).status).toBe(200);
      const { cohorts } = await (await trainer.get('/api/trainer/cohorts')).json();
      expect(cohorts[0].learners).toBe(8);
    } finally {
      await sample?.stop();
      await sampleStore.dispose();
    }
  }, 300_000);
});
