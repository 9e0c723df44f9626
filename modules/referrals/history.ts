/**
 * A case's history as people read it: the case events with who acted (name and
 * organisation), described in words. The case page shows it as a timeline; the
 * conflict page shows the part since the version a person was looking at.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/record';
import { END_EARLY_REASONS, type EndEarlyReason } from './case-machine';
import { isReferralSection } from './forms';
import { END_EARLY_REASON_LABELS, SECTION_TITLES } from './labels';

/** Who reads a timeline: CHOICE's internal words (closing notes, override reasons) are for staff only. */
export type TimelineAudience = 'referrer' | 'staff';

export interface CaseHistoryEntry {
  id: number;
  version: number;
  occurredAt: Date;
  event: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
  actorName: string | null;
  actorOrganisation: string | null;
  /** For an allocation: the name of the person the case went to. */
  allocatedToName: string | null;
}

/** The events of one case, oldest first; only those after `afterVersion` when given. */
export async function caseHistory(db: Executor, referralId: string, options: { afterVersion?: number } = {}): Promise<CaseHistoryEntry[]> {
  let query = db
    .selectFrom('case_event')
    .leftJoin('staff_user as actor', 'actor.id', 'case_event.actor_staff_user_id')
    .leftJoin('organisation as actor_organisation', 'actor_organisation.id', 'actor.organisation_id')
    .leftJoin('staff_user as allocated', (join) => join.on('case_event.event', '=', 'ALLOCATE').on(sql<boolean>`allocated.id::text = case_event.reason`))
    .select([
      'case_event.id',
      'case_event.version',
      'case_event.occurred_at',
      'case_event.event',
      'case_event.from_state',
      'case_event.to_state',
      'case_event.reason',
      'actor.full_name as actor_name',
      'actor_organisation.name as actor_organisation',
      'allocated.full_name as allocated_to_name',
    ])
    .where('case_event.referral_id', '=', referralId);
  if (options.afterVersion !== undefined) query = query.where('case_event.version', '>', options.afterVersion);
  const rows = await query.orderBy('case_event.id').execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    occurredAt: row.occurred_at,
    event: row.event,
    fromState: row.from_state,
    toState: row.to_state,
    reason: row.reason,
    actorName: row.actor_name,
    actorOrganisation: row.actor_organisation,
    allocatedToName: row.allocated_to_name,
  }));
}

export interface TimelineItem {
  /** Unique on the page: `event-12`, `session-…`, `report-…`. */
  id: string;
  occurredAt: string;
  title: string;
  /** "Morag Manager, CHOICE service". */
  byline: string;
  /** The words a person gave with the step (a request, an answer, a reason). */
  lines: Array<{ label: string; text: string }>;
  /** Where to read more (a report). */
  link?: { href: string; text: string };
}

const TITLES: Record<string, string> = {
  CREATE: 'Referral started',
  SUBMIT: 'Referral sent to CHOICE',
  START_SCREENING: 'Screening started',
  REQUEST_INFORMATION: 'CHOICE asked for more information',
  PROVIDE_INFORMATION: 'More information sent to CHOICE',
  DECLINE: 'Referral declined',
  ACCEPT: 'Referral accepted',
  START_ASSESSMENT: 'Assessment started',
  START_PROGRAMME: 'Programme started',
  COMPLETE: 'Programme completed',
  END_EARLY: 'Programme ended early',
  CLOSE: 'Closed',
  EDIT: 'Details changed',
};

const REASON_LABELS: Record<string, string> = {
  REQUEST_INFORMATION: 'What CHOICE asked',
  PROVIDE_INFORMATION: 'Answer',
  DECLINE: 'Reason',
  COMPLETE: 'Recorded below the programme’s rule',
  CLOSE: 'Closing note',
  EDIT: 'Part of the referral',
};

/** Words CHOICE keeps for itself: the manager's closing note and a completion override's reason. */
const STAFF_ONLY_REASONS: readonly string[] = ['COMPLETE', 'CLOSE'];

const reasonText = (event: string, reason: string) => (event === 'EDIT' && isReferralSection(reason) ? SECTION_TITLES[reason] : reason);

/** "non_compliance: what happened" as the end step stores it, in words: the reason's label, and what happened for staff. */
function endEarlyLines(reason: string, audience: TimelineAudience): TimelineItem['lines'] {
  const split = reason.indexOf(': ');
  const code = split > 0 ? reason.slice(0, split) : reason;
  const known = (END_EARLY_REASONS as readonly string[]).includes(code) ? (code as EndEarlyReason) : null;
  const lines = [{ label: 'Reason', text: known ? END_EARLY_REASON_LABELS[known].label : 'Another reason' }];
  // What happened is told to the referrer in the ended-early report, once a manager has signed it off.
  if (audience === 'staff' && split > 0) lines.push({ label: 'What happened', text: reason.slice(split + 2) });
  return lines;
}

/** One event in words, for this audience. */
export function describeCaseEvent(entry: CaseHistoryEntry, audience: TimelineAudience = 'staff'): TimelineItem {
  let title = TITLES[entry.event] ?? entry.event;
  if (entry.event === 'ALLOCATE') {
    const who = entry.allocatedToName ?? 'a programme worker';
    title = entry.fromState === 'accepted' ? `Case allocated to ${who}` : `Case reallocated to ${who}`;
  }
  if (entry.event === 'SUBMIT' && entry.fromState !== 'draft') title = 'Referral sent to CHOICE again';
  const reasonLabel = REASON_LABELS[entry.event];
  const shown = entry.reason && !(audience === 'referrer' && STAFF_ONLY_REASONS.includes(entry.event));
  return {
    id: `event-${entry.id}`,
    occurredAt: entry.occurredAt.toISOString(),
    title,
    byline: entry.actorName ? `${entry.actorName}${entry.actorOrganisation ? `, ${entry.actorOrganisation}` : ''}` : 'The system',
    lines:
      entry.event === 'END_EARLY' && entry.reason
        ? endEarlyLines(entry.reason, audience)
        : reasonLabel && shown && entry.reason
          ? [{ label: reasonLabel, text: reasonText(entry.event, entry.reason) }]
          : [],
  };
}

/**
 * The timeline of a case page, newest first. Edits made while the referral was still
 * a draft are the referrer's own drafting, not part of the case's story, so they are
 * left out; edits made after CHOICE asked for more information are shown.
 */
export function caseTimeline(entries: CaseHistoryEntry[], audience: TimelineAudience): TimelineItem[] {
  return entries
    .filter((entry) => !(entry.event === 'EDIT' && entry.fromState === 'draft'))
    .map((entry) => describeCaseEvent(entry, audience))
    .reverse();
}

/** A session that took place or was missed, as the case timeline shows it. */
export interface SessionHistoryEntry {
  id: string;
  startsAt: Date;
  state: string;
  moduleTitle: string;
  absenceJudgement: 'acceptable' | 'unacceptable' | null;
  absenceReason: string | null;
  workerName: string | null;
}

/**
 * Sessions on the timeline: those he came to and those he missed, at the time they were
 * booked for. A referrer reads whether an absence was accepted, never the reason he
 * gave (that stays with CHOICE); CHOICE staff read the reason too.
 */
export function describeSession(entry: SessionHistoryEntry, audience: 'referrer' | 'staff'): TimelineItem | null {
  const attended = ['attended', 'notes_recorded', 'signed_off'].includes(entry.state);
  if (!attended && entry.state !== 'not_attended') return null;
  const title = attended
    ? `Session attended: ${entry.moduleTitle}`
    : entry.absenceJudgement === 'acceptable'
      ? `Session missed, reason accepted: ${entry.moduleTitle}`
      : `Session missed without an acceptable reason: ${entry.moduleTitle}`;
  return {
    id: `session-${entry.id}`,
    occurredAt: entry.startsAt.toISOString(),
    title,
    byline: entry.workerName ? `${entry.workerName}, CHOICE` : 'CHOICE',
    lines: audience === 'staff' && !attended && entry.absenceReason ? [{ label: 'Reason', text: entry.absenceReason }] : [],
  };
}

/** A report that a manager signed off and sent to the referrer. */
export interface ReportHistoryEntry {
  id: string;
  title: string;
  signedOffAt: Date;
  signedOffByName: string | null;
  href: string;
}

export function describeReport(entry: ReportHistoryEntry): TimelineItem {
  return {
    id: `report-${entry.id}`,
    occurredAt: entry.signedOffAt.toISOString(),
    title: `Report sent to the referrer: ${entry.title}`,
    byline: entry.signedOffByName ? `${entry.signedOffByName}, CHOICE` : 'CHOICE',
    lines: [],
    link: { href: entry.href, text: `Read the ${entry.title.replace(/^CHOICE /, '')}` },
  };
}

/** Case events, sessions and reports in one timeline, newest first. */
export function mergeTimelines(...lists: TimelineItem[][]): TimelineItem[] {
  return lists.flat().sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
}
