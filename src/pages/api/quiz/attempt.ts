import { quizRoute } from '../../../server/quiz/routes.ts';

// On demand: answers are graded per request; see src/server/quiz/selfStudy.ts.
export const prerender = false;

export const POST = quizRoute('attempt');
