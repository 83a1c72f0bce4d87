/**
 * Who may see a trainer page: the signed-in trainer; otherwise the sign-in page, or the one-time
 * setup page while no trainer exists yet.
 */
import { eq } from 'drizzle-orm';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { TrainerIdentity } from '../auth/sessions.ts';
import { trainerCount } from '../auth/trainers.ts';
import type { Database } from '../db/client.ts';
import { trainers } from '../db/schema.ts';
import { SAMPLE_TRAINER, sampleDataAllowed } from '../db/seed.ts';
import { serverReady } from '../db/startup.ts';
import { loadCourse, type Course } from '../learner/course.ts';
import { trainerCourse } from '../authoring/catalog.ts';

export type TrainerGate = { redirect: string } | { trainer: TrainerIdentity; db: Database; course: Course };

export function trainerArea(locale: Locale, rest = ''): string {
  return `${locale === 'en' ? '/en' : ''}/trainer/${rest}`;
}

export async function trainerGate(locals: App.Locals, locale: Locale): Promise<TrainerGate> {
  const [db, course] = await Promise.all([serverReady(), loadCourse()]);
  if (locals.trainer) return { trainer: locals.trainer, db, course: await trainerCourse(db, course, locals.trainer.id) };
  return { redirect: trainerArea(locale, (await trainerCount(db)) === 0 ? 'setup/' : 'login/') };
}

/** The sign-in page: away when signed in, to setup while no trainer exists. */
export async function loginGate(locals: App.Locals, locale: Locale): Promise<{ redirect: string } | { showSample: boolean }> {
  const db = await serverReady();
  if (locals.trainer) return { redirect: trainerArea(locale) };
  if ((await trainerCount(db)) === 0) return { redirect: trainerArea(locale, 'setup/') };
  const [sample] = await db.select({ id: trainers.id }).from(trainers).where(eq(trainers.email, SAMPLE_TRAINER.email));
  return { showSample: sampleDataAllowed(process.env) && sample !== undefined };
}

/** The setup page exists only while no trainer does. */
export async function setupOpen(): Promise<boolean> {
  return (await trainerCount(await serverReady())) === 0;
}
