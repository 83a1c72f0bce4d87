import { describe, expect, it } from 'vitest';
import { giftToQuestions, questionsToGift } from '../../../src/lib/authoring/gift.ts';
import { sectionAnchor } from '../../../src/lib/authoring/lessonPage.ts';
import { questionSchema, type Question } from '../../../src/lib/quiz/schema.ts';

const SECTION = '00000000-0000-4000-8000-0000000000aa';
const both = (text: string) => ({ ja: text, en: text });
const common = (id: string, concept: string, difficulty: number) => ({ id, concept, difficulty, section: both(sectionAnchor(SECTION)), objective: 0 });

const questions: Question[] = [
  questionSchema.parse({
    ...common('onsha', 'keigo', 1),
    type: 'single',
    prompt: both('「御社」の{読み}は?'),
    options: [
      { id: 'a', text: both('おんしゃ'), explanation: both('話し言葉では「御社」です。') },
      { id: 'b', text: both('きしゃ'), explanation: both('「貴社」は書き言葉: 読み#が違います。') },
    ],
    answer: 'a',
    explanation: both('相手の会社を話し言葉で呼ぶときは「御社」です。'),
  }),
  questionSchema.parse({
    ...common('levers', 'ltv-levers', 2),
    type: 'multiple',
    prompt: both('LTVを上げる施策を選んでください。'),
    options: [
      { id: 'a', text: both('継続率の改善'), explanation: both('継続年数が伸びます。') },
      { id: 'b', text: both('単価の改善'), explanation: both('単価が上がります。') },
      { id: 'c', text: both('広告費の増額'), explanation: both('獲得コストであってLTVではありません。') },
    ],
    answer: ['a', 'b'],
    explanation: both('LTVは単価×頻度×継続年数です。'),
  }),
  questionSchema.parse({
    ...common('tf', 'ltv-basics', 3),
    type: 'true-false',
    prompt: both('LTV = 単価 × 回数 × 年数 です。'),
    answer: true,
    explanation: both('三つの数字のかけ算です。'),
    wrongExplanation: both('足し算ではありません。'),
  }),
  questionSchema.parse({
    ...common('yearly', 'ltv-basics', 2),
    type: 'numeric',
    prompt: both('月額5,000円を12か月続けると?'),
    answer: 60000,
    tolerance: { absolute: 100 },
    unit: '¥',
    explanation: both('5,000 × 12 = 60,000円です。'),
  }),
];

describe('GIFT', () => {
  it('round-trips single, multiple, true/false and numeric questions with explanations, tags and Japanese text', () => {
    const gift = questionsToGift(questions, 'ja');
    const back = giftToQuestions(gift, { locale: 'ja', sectionId: SECTION, existingIds: [] });
    expect(back).toEqual({ ok: true, questions });
  });

  it('writes Moodle weights that give the same partial credit as our grading', () => {
    expect(questionsToGift([questions[1]!], 'ja')).toContain('~%50%継続率の改善');
    expect(questionsToGift([questions[1]!], 'ja')).toContain('~%-50%広告費の増額');
  });

  it('reads plain Moodle GIFT without feedback: wrong options get an explanation naming the right one', () => {
    const result = giftToQuestions('::Capital::What is the capital of Japan? {=Tokyo ~Osaka ~Kyoto}', { locale: 'en', sectionId: SECTION, existingIds: ['capital'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [question] = result.questions;
    expect(question).toMatchObject({ id: 'q-1', type: 'single', answer: 'a', concept: 'general' });
    expect(questionSchema.safeParse(question).success).toBe(true);
    expect(question?.type === 'single' && question.options[1]?.explanation?.en).toBe('The right answer is “Tokyo”.');
  });

  it.each([
    ['unsupported types', '::e:: Write a short essay. {}', /not supported/],
    ['a matching question that is not an order', '::m:: Match {=cat -> animal =rose -> flower}', /matching is read only as an order/],
    ['an order with a gap', '::m:: Order {=a -> 1 =b -> 3}', /matching is read only as an order/],
    ['text that is not GIFT', '::x:: broken {=a ~b', /line \d+/],
    ['no right option', '::x:: Q {~a ~b}', /no option is marked right/],
  ])('refuses %s with a message', (_name, gift, message) => {
    const result = giftToQuestions(gift, { locale: 'en', sectionId: SECTION, existingIds: [] });
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('round-trips an ordering question as matching to places 1, 2, 3', () => {
    const ordering = questionSchema.parse({
      ...common('steps', 'proposal-order', 2),
      type: 'ordering',
      prompt: both('確かめる順に並べてください。'),
      explanation: both('課題がわからないと、予算も決裁も話せません。'),
      steps: [{ id: 'a', text: both('課題') }, { id: 'b', text: both('予算') }, { id: 'c', text: both('決裁') }],
    });
    const gift = questionsToGift([ordering], 'ja');
    expect(gift).toContain('=課題 -> 1\n=予算 -> 2\n=決裁 -> 3');
    expect(giftToQuestions(gift, { locale: 'ja', sectionId: SECTION, existingIds: [] })).toEqual({ ok: true, questions: [ordering] });
  });

  it('reads a Moodle matching question listed out of order as an ordering question, with an explanation naming the order', () => {
    const result = giftToQuestions('::Steps:: Put the steps in order. {=Multiply by years -> 3 =Find the yearly amount -> 2 =Choose a customer -> 1}', { locale: 'en', sectionId: SECTION, existingIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [question] = result.questions;
    expect(questionSchema.safeParse(question).success).toBe(true);
    expect(question?.type === 'ordering' && question.steps.map((step) => step.text.en)).toEqual(['Choose a customer', 'Find the yearly amount', 'Multiply by years']);
    expect(question?.explanation.en).toBe('The right order is “Choose a customer → Find the yearly amount → Multiply by years”.');
  });

});
