/**
 * A custom module's published version as publishing freezes it (buildSnapshot), for the package
 * tests: Japanese titles with XML's special characters, a spoken version, a pronunciation override
 * and Markdown that tries to smuggle a script in.
 */
import { buildSnapshot } from '../../../src/lib/authoring/publish.ts';
import type { ModuleSnapshot } from '../../../src/lib/authoring/schema.ts';

export const MODULE_ID = '0b7f3c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b';
export const VERSION_ID = '6e1d2c3b-4a59-4687-8a9b-0c1d2e3f4a5b';
const SECTION = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

const both = (text: string) => ({ ja: text, en: text });
function questions(sectionId: string, prefix: string) {
  return [1, 2, 3].map((n) => ({
    id: `${prefix}${n}`,
    type: 'single' as const,
    concept: `c${n}`,
    difficulty: 1,
    section: both(`s-${sectionId}`),
    objective: 0,
    prompt: both(`${prefix}-${n}：御社の強みは？`),
    options: [
      { id: 'a', text: both('継続率') },
      { id: 'b', text: both('広告'), explanation: both('広告費は獲得のコストです。') },
    ],
    answer: 'a',
    explanation: both('継続率です。'),
  }));
}

export const snapshot: ModuleSnapshot = buildSnapshot(
  {
    id: MODULE_ID,
    title: '営業トーク入門 & "提案" <基礎>',
    locale: 'ja',
    pronunciations: [{ term: '御社', reading: 'おんしゃ' }],
    lessons: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        title: '製品紹介',
        sections: [
          { id: SECTION[0]!, heading: '概要', markdown: '御社の課題を解決します。<script>alert(1)</script>\n\n[危険](javascript:alert(1))', spoken: null },
          { id: SECTION[1]!, heading: '価格', markdown: '| プラン | 月額 |\n|---|---|\n| 基本 | 5,000円 |', spoken: '基本プランは月額五千円です。' },
        ],
        questions: questions(SECTION[0]!, 'p'),
      },
      { id: '55555555-5555-4555-8555-555555555555', title: '導入の流れ', sections: [{ id: SECTION[2]!, heading: '手順', markdown: '- 申込\n- 設定', spoken: null }], questions: questions(SECTION[2]!, 'd') },
    ],
  },
  VERSION_ID,
  3,
);
