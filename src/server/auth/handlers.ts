/**
 * Sign-in, sign-out, first-trainer setup, joining a cohort and resuming on another device. Each
 * handler takes the RouteContext from src/server/http/route.ts; route files only pick one.
 */
import { z } from 'zod';
import { parseBody, parseQuery } from '../http/body.ts';
import { clearedCookie, COOKIE_NAMES, isSecureRequest, readCookie, sessionCookie, type SessionRole } from '../http/cookies.ts';
import { json, problem, withCookies } from '../http/json.ts';
import { createRateLimiter } from '../http/rateLimit.ts';
import type { RouteContext } from '../http/route.ts';
import { createSharedRateLimiter } from '../http/sharedRateLimit.ts';
import { joinCohort, learnerByResumeCode } from '../learner/join.ts';
import { joinBodySchema, loginBodySchema, resumeBodySchema, trainerAccountSchema } from './schemas.ts';
import { createSession, endSession } from './sessions.ts';
import { checkSignIn, createTrainer, trainerCount } from './trainers.ts';

const MINUTE = 60_000;

/**
 * Sign-in: 30 tries per IP per 15 minutes; 5 failed tries per account from one IP per 15 minutes
 * (a success clears them), enough for a person mistyping and far too few for guessing; and at
 * most 50 failed tries per account per 15 minutes from all addresses together, which stops a
 * guessing botnet while an attacker on one address cannot lock the owner out. Joins (invite
 * tokens): 200 per IP per 10 minutes, as a whole class behind one office address joins at once.
 * Resume codes: 20 per IP per 15 minutes (60-bit codes cannot be guessed anyway). All of these
 * guard secrets, so they are counted in the database and hold across processes; setup is open
 * only until the first trainer exists and guards nothing, so a per-process count is enough.
 */
export const LIMITS = {
  loginPerIp: createSharedRateLimiter({ name: 'login:ip', limit: 30, windowMs: 15 * MINUTE }),
  loginPerAccountAndIp: createSharedRateLimiter({ name: 'login:account-ip', limit: 5, windowMs: 15 * MINUTE }),
  loginPerAccount: createSharedRateLimiter({ name: 'login:account', limit: 50, windowMs: 15 * MINUTE }),
  joinPerIp: createSharedRateLimiter({ name: 'join:ip', limit: 200, windowMs: 10 * MINUTE }),
  resumePerIp: createSharedRateLimiter({ name: 'resume:ip', limit: 20, windowMs: 15 * MINUTE }),
  setupPerIp: createRateLimiter({ limit: 10, windowMs: 15 * MINUTE }),
};

function tooMany(retryAfterSeconds: number): Response {
  return problem(429, 'rate-limited', { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
}

/** Ends the session the browser already holds for this role (no session fixation, no orphan). */
async function endPrevious(context: RouteContext, role: SessionRole): Promise<void> {
  const token = readCookie(context.request, COOKIE_NAMES[role]);
  if (token) await endSession(context.db, token);
}

async function signedIn(context: RouteContext, role: SessionRole, subjectId: string, body: unknown, status: number): Promise<Response> {
  await endPrevious(context, role);
  const subject = role === 'trainer' ? { role, trainerId: subjectId } : { role, learnerId: subjectId };
  const session = await createSession(context.db, subject as Parameters<typeof createSession>[1]);
  return withCookies(json(status, body), [sessionCookie(role, session.token, session.absoluteExpiresAt, isSecureRequest(context.request))]);
}

/**
 * The attempt is counted before the password is hashed: counting after the slow scrypt would let
 * parallel requests all pass the check before any of them is counted.
 */
export async function login(context: RouteContext): Promise<Response> {
  const { db, clientKey } = context;
  const perIp = await LIMITS.loginPerIp.take(db, clientKey);
  if (!perIp.ok) return tooMany(perIp.retryAfterSeconds);
  const body = await parseBody(context.request, loginBodySchema);
  if (!body.ok) return body.response;
  const { email } = body.data;
  const accountAndIp = `${email}|${clientKey}`;
  const perPair = await LIMITS.loginPerAccountAndIp.take(db, accountAndIp);
  if (!perPair.ok) return tooMany(perPair.retryAfterSeconds);
  const perAccount = await LIMITS.loginPerAccount.take(db, email);
  if (!perAccount.ok) {
    // Not evaluated, so it must not use up this address's own tries once the account cap lifts.
    await LIMITS.loginPerAccountAndIp.refund(db, accountAndIp);
    return tooMany(perAccount.retryAfterSeconds);
  }
  const trainer = await checkSignIn(db, email, body.data.password);
  if (!trainer) return problem(401, 'invalid-credentials');
  // Both count failures: a success clears this address's tries and gives the account's one back.
  await Promise.all([LIMITS.loginPerAccountAndIp.reset(db, accountAndIp), LIMITS.loginPerAccount.refund(db, email)]);
  return signedIn(context, 'trainer', trainer.id, { trainer }, 200);
}

const logoutQuerySchema = z.strictObject({ role: z.enum(['trainer', 'learner']).optional() });

/** Ends the trainer session, the learner session, or both (no role given). */
export async function logout(context: RouteContext): Promise<Response> {
  const query = parseQuery(context.url, logoutQuerySchema);
  if (!query.ok) return query.response;
  const roles: SessionRole[] = query.data.role ? [query.data.role] : ['trainer', 'learner'];
  for (const role of roles) await endPrevious(context, role);
  const secure = isSecureRequest(context.request);
  return withCookies(json(200, { ok: true }), roles.map((role) => clearedCookie(role, secure)));
}

/** Who is signed in, and whether the one-time setup is still open. */
export async function session(context: RouteContext): Promise<Response> {
  const setupOpen = (await trainerCount(context.db)) === 0;
  return json(200, { trainer: context.trainer, learner: context.learner, setupOpen });
}

/** The first trainer account; refused once any trainer exists. */
export async function setup(context: RouteContext): Promise<Response> {
  const limit = LIMITS.setupPerIp.take(context.clientKey);
  if (!limit.ok) return tooMany(limit.retryAfterSeconds);
  if ((await trainerCount(context.db)) > 0) return problem(403, 'setup-closed');
  const body = await parseBody(context.request, trainerAccountSchema);
  if (!body.ok) return body.response;
  const created = await createTrainer(context.db, body.data, { onlyIfFirst: true });
  if (!created.ok) return problem(403, 'setup-closed');
  return signedIn(context, 'trainer', created.trainer.id, { trainer: created.trainer }, 201);
}

export async function join(context: RouteContext): Promise<Response> {
  const limit = await LIMITS.joinPerIp.take(context.db, context.clientKey);
  if (!limit.ok) return tooMany(limit.retryAfterSeconds);
  const body = await parseBody(context.request, joinBodySchema);
  if (!body.ok) return body.response;
  const joined = await joinCohort(context.db, body.data);
  if (!joined) return problem(404, 'invite-not-found');
  const reply = { learner: { id: joined.learnerId, name: body.data.name, cohortName: joined.cohortName }, resumeCode: joined.resumeCode };
  return signedIn(context, 'learner', joined.learnerId, reply, 201);
}

export async function resume(context: RouteContext): Promise<Response> {
  const limit = await LIMITS.resumePerIp.take(context.db, context.clientKey);
  if (!limit.ok) return tooMany(limit.retryAfterSeconds);
  const body = await parseBody(context.request, resumeBodySchema);
  if (!body.ok) return body.response;
  const learnerId = await learnerByResumeCode(context.db, body.data.code);
  if (!learnerId) return problem(401, 'invalid-code');
  return signedIn(context, 'learner', learnerId, { ok: true }, 200);
}
