/**
 * Evidence a reviewer records for a manual checklist item, and how the scorecard judges it. The
 * checklist asks for an access review at least every 24 months (authn-authz/access-review); the day
 * of the last one can be written in `.kube-checklist.yaml` (`reviews: {access: YYYY-MM-DD}`). The item
 * then passes while that day is at most 24 months before today, and fails once it is older. Pure: the
 * caller says what day it is (the host, from the run's clock), so tests can pick any day.
 */

export const ACCESS_REVIEW_ITEM = 'authn-authz/access-review';

/** The checklist's interval between two access reviews. */
export const ACCESS_REVIEW_MONTHS = 24;

export interface ChecklistEvidence {
  /** The day of the last access review (YYYY-MM-DD, already validated by the configuration loader). */
  readonly accessReviewed?: string;
  /** Today, YYYY-MM-DD (UTC). */
  readonly today: string;
}

/** The UTC day of an instant, YYYY-MM-DD. */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * Whether a review on `reviewed` still counts on `today`: it does through the same day of the month
 * 24 months later. Days compare as text (YYYY-MM-DD sorts like time), so 2024-02-29 counts through
 * "2026-02-29", that is through 2026-02-28.
 */
export function reviewIsCurrent(reviewed: string, today: string, months = ACCESS_REVIEW_MONTHS): boolean {
  const [year, month] = reviewed.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const due = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${reviewed.slice(8, 10)}`;
  return today <= due;
}
