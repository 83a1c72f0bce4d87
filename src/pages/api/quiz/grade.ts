import { quizRoute } from '../../../server/quiz/routes.ts';

// On demand: attempts are stored and graded on the server; see src/server/quiz/selfStudy.ts.
export const prerender = false;

export const POST = quizRoute('grade');
