/**
 * No answer key reaches a learner before submitting: not in the built client assets (HTML, JS,
 * CSS of dist/client), not in the learner API's answers while a test is open, and not from the
 * self-study API of the built server for an attempt it did not create or a question not answered.
 * "Key" means what only the key holds: explanations of answers and of wrong options, and numeric
 * mistakes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankSchema, type Bank } from '../../../src/lib/quiz/schema.ts';
import type { DatabaseHandle } from '../../../src/server/db/index.ts';
import { startTestApp } from '../support/app.ts';
import { distDir, ensureBuilt, httpClient, useBuiltServer } from '../support/built.ts';
import { side, startAttempt } from '../support/fixtures.ts';
import { repoRoot } from '../../e2e/support/server.ts';

const quizzes = path.join(repoRoot, 'src/content/quizzes');
const banks: Bank[] = readdirSync(quizzes)
  .filter((name) => /\.ya?ml$/.test(name))
  .flatMap((name) => {
    const parsed = bankSchema.safeParse(parse(readFileSync(path.join(quizzes, name), 'utf8')));
    return parsed.success ? [parsed.data] : [];
  });

/**
 * Key-only texts as probes: each explanation whole (a short piece would also match the lesson,
 * which teaches the same facts), as written, HTML-escaped and JSON-escaped, so a copy in a page,
 * a bundle or an island's props is found.
 */
function keyTexts(bank: Bank): string[] {
  return bank.questions
    .flatMap((question) => [
      question.explanation,
      ...('wrongExplanation' in question ? [question.wrongExplanation] : []),
      ...('options' in question ? question.options.flatMap((option) => (option.explanation ? [option.explanation] : [])) : []),
      ...('mistakes' in question ? question.mistakes.map((mistake) => mistake.explanation) : []),
    ])
    .flatMap((text) => [text.ja, text.en]);
}

const htmlEscaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function probes(bank: Bank): string[] {
  return keyTexts(bank).flatMap((text) => [...new Set([text, htmlEscaped(text), JSON.stringify(text).slice(1, -1)])]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(html|js|mjs|css|json|txt)$/.test(name) ? [full] : [];
  });
}

describe('the built client assets', () => {
  beforeAll(() => ensureBuilt(), 600_000);

  it('hold no explanation, wrong-option explanation or numeric mistake of any bank', () => {
    expect(banks.length).toBeGreaterThan(0);
    const allProbes = banks.flatMap(probes);
    expect(allProbes.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const file of filesUnder(path.join(distDir, 'client'))) {
      const text = readFileSync(file, 'utf8');
      for (const probe of allProbes) if (text.includes(probe)) leaks.push(`${path.relative(distDir, file)}: ${probe}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('the learner API while a test is open', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await startTestApp();
  });
  afterAll(async () => handle.close());

  it('sends questions and options but nothing of the key', async () => {
    const a = await side(handle.db, 'keys');
    const bank = banks.find((candidate) => candidate.lesson === 'clv-formula') as Bank;
    for (let i = 0; i < 5; i++) {
      const started = await startAttempt(a.learner, a.assignmentId);
      const reread = await (await a.learner.get(`/api/learner/attempts/${started.attemptId}`)).text();
      for (const text of [JSON.stringify(started), reread]) {
        expect(text).not.toMatch(/"(correct|answer|explanation|optionExplanations|wrongExplanation|mistakes|seed|formula)"\s*:/);
        for (const probe of probes(bank)) expect(text).not.toContain(probe);
      }
    }
  });
});

describe('the self-study API of the built server', () => {
  const server = useBuiltServer(600_000);

  const bank = () => banks.find((candidate) => candidate.lesson === 'clv-formula') as Bank;

  it('refuses to grade an attempt it did not create: a made-up seed and question ids, or an id it never handed out', async () => {
    const http = httpClient(server.baseUrl);
    const ids = bank().questions.slice(0, 5).map((question) => question.id);
    const forged = await http.post('/api/quiz/grade', { lesson: 'clv-formula', seed: '7', mode: 'test', count: 5, questionIds: ids, locale: 'ja', responses: {} });
    expect(forged.status).toBe(400);
    const text = await forged.text();
    expect(text).not.toMatch(/"(correctAnswer|explanation|result)"/);
    const unknown = await http.post('/api/quiz/grade', { attemptId: '3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d', responses: {} });
    expect(unknown.status).toBe(404);
  });

  it('an empty submission of a real attempt scores 0 and reveals no key', async () => {
    const http = httpClient(server.baseUrl);
    const started = await http.post('/api/quiz/attempt', { lesson: 'clv-formula', mode: 'test', locale: 'ja', count: 50 });
    expect(started.status).toBe(200);
    const { attemptId } = (await started.json()) as { attemptId: string };
    expect(attemptId).toMatch(/^[0-9a-f-]{36}$/);
    const graded = await http.post('/api/quiz/grade', { attemptId, responses: {} });
    expect(graded.status).toBe(200);
    const text = await graded.text();
    expect(JSON.parse(text).result).toMatchObject({ total: 0 });
    expect(text).not.toMatch(/"(correctAnswer|explanation|mistakeExplanations|seed)"\s*:/);
    for (const probe of probes(bank())) expect(text).not.toContain(probe);
  });

  it('refuses a cross-site write', async () => {
    const http = httpClient(server.baseUrl);
    const response = await http.post('/api/quiz/attempt', { lesson: 'clv-formula', mode: 'test', locale: 'ja' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
});
