/**
 * The cohort's results as CSV for Excel: one row per learner and assigned lesson, with status,
 * best score, attempts and dates, headers and statuses in the trainer's language.
 */
import type { CompletionStatus } from '../../lib/analytics/status.ts';
import { toCsv } from '../../lib/analytics/csv.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { encodeRfc5987, fileNameStem } from '../../lib/validation/fileName.ts';
import type { CohortDashboard } from './dashboard.ts';

const HEADERS: Record<Locale, string[]> = {
  ja: ['チーム', '受講者', '社員番号', 'レッスンID', 'レッスン', '期限', '状況', '最高点(%)', '合格点(%)', '提出回数', '合格日時'],
  en: ['Cohort', 'Learner', 'Employee ID', 'Lesson ID', 'Lesson', 'Due', 'Status', 'Best score (%)', 'Pass mark (%)', 'Submissions', 'Passed at'],
};

export const STATUS_WORDS: Record<Locale, Record<CompletionStatus, string>> = {
  ja: { 'not-started': '未着手', 'in-progress': '受験中', passed: '合格', failed: '不合格', overdue: '期限切れ' },
  en: { 'not-started': 'Not started', 'in-progress': 'In progress', passed: 'Passed', failed: 'Failed', overdue: 'Overdue' },
};

const percent = (share: number | null) => (share === null ? '' : Math.round(share * 1000) / 10);

export function resultsCsv(dashboard: CohortDashboard, locale: Locale): string {
  const rows = dashboard.learners.flatMap((learner, row) =>
    dashboard.assignments.map((assignment, column) => {
      const cell = dashboard.summary.rows[row]?.[column];
      return [
        dashboard.cohort.name,
        learner.name,
        learner.employeeId ?? '',
        assignment.lessonId,
        assignment.lessonTitle[locale],
        assignment.dueAt,
        cell ? STATUS_WORDS[locale][cell.status] : '',
        percent(cell?.bestScore ?? null),
        percent(assignment.passMark),
        cell?.submitted ?? 0,
        cell?.passedAt ?? '',
      ];
    }),
  );
  return toCsv(HEADERS[locale], rows);
}

/**
 * Content-Disposition (RFC 6266): a fixed ASCII name for old clients, and the cohort's name
 * (RFC 5987 UTF-8) for the rest, made safe here whatever the row holds (fileNameStem).
 */
export function csvDisposition(cohortName: string, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  const stem = fileNameStem(cohortName) || 'ltv-dojo-results';
  return `attachment; filename="ltv-dojo-results-${date}.csv"; filename*=UTF-8''${encodeRfc5987(`${stem}-${date}.csv`)}`;
}
