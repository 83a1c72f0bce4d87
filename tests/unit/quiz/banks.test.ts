import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
// The slugger Astro uses for heading ids (via @astrojs/markdown-remark): review links must hit real headings.
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bankProblems } from '../../../src/lib/quiz/check.ts';
import { formatProblem } from '../../../src/lib/quiz/problems.ts';
import { QUESTION_TYPES } from '../../../src/lib/quiz/schema.ts';
import { loadBank, readYaml, repoRoot } from './helpers.ts';

const quizzesDir = path.join(repoRoot, 'src/content/quizzes');
const bankFiles = readdirSync(quizzesDir).filter((file) => /\.(ya?ml|json)$/.test(file));

function lesson(locale: 'ja' | 'en', id: string): { objectives: unknown[]; sections: string[] } {
  const source = readFileSync(path.join(repoRoot, 'src/content/lessons', locale, `${id}.mdx`), 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const slugger = new GithubSlugger();
  return {
    objectives: (parse(frontmatter) as { objectives: unknown[] }).objectives,
    sections: [...body.matchAll(/^## (.+)$/gm)].map((match) => slugger.slug(match[1]!.trim())),
  };
}

describe.each(bankFiles)('question bank %s', (file) => {
  const id = file.replace(/\.(ya?ml|json)$/, '');
  const ja = lesson('ja', id);
  const en = lesson('en', id);

  it('passes the schema and checkBank against its lesson (objectives, headings, computable templates)', () => {
    const problems = bankProblems(readYaml(path.join(quizzesDir, file)), `src/content/quizzes/${file}`, {
      lessonObjectivesCount: ja.objectives.length,
      lessonSections: { ja: ja.sections, en: en.sections },
    });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(en.objectives).toHaveLength(ja.objectives.length);
  });

  it('has at least 8 questions, every type, two calculated ones and more than one concept', () => {
    const bank = loadBank(path.join(quizzesDir, file));
    const types = bank.questions.map((question) => question.type);
    expect(bank.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(types)).toEqual(new Set(QUESTION_TYPES));
    expect(types.filter((type) => type === 'calculated').length).toBeGreaterThanOrEqual(2);
    expect(new Set(bank.questions.map((question) => question.concept)).size).toBeGreaterThan(1);
  });
});
