/**
 * A case's sessions, oldest first, as the person looking at the case may see them. A
 * referrer sees when each session was, its module and whether he came; never the notes,
 * concerns, topics or the worker's private notes, which are not even read for them.
 * CHOICE staff also get the link to each session and what is due on it.
 */
import type { Executor } from '../audit/record';
import { mayUpdate, onlyVisibleTo, visibilityOf, type CaseViewer } from '../referrals/access';
import { caseModules, moduleTitle } from './booking';
import type { AbsenceJudgement, SessionState } from './session-machine';
import { DUE_LABELS, sessionDue, sessionOutcomeTag, sessionStaffTag, type SessionDue, type SessionTag } from './session-status';
import { SCHEDULABLE_CASE_STATES } from './sessions';
import { formatSessionDay, formatSessionTimes } from './times';

/** What a referrer is shown of one session. */
export interface ReferrerSessionRow {
  audience: 'referrer';
  /** The start, as ISO text: a key for the row and the table's machine-readable date. */
  startsAt: string;
  /** "Thursday 3 December 2026". */
  date: string;
  /** "14:00 to 15:00". */
  time: string;
  moduleTitle: string;
  outcome: SessionTag;
}

/** What CHOICE staff are shown of one session. */
export interface StaffSessionRow extends Omit<ReferrerSessionRow, 'audience'> {
  audience: 'staff';
  id: string;
  href: string;
  state: SessionState;
  status: SessionTag;
  due: SessionDue;
  dueLabel: string | null;
  notesDue: boolean;
  signOffDue: boolean;
  safeguardingConcern: boolean;
}

export type CaseSessionRow = ReferrerSessionRow | StaffSessionRow;

export interface CaseSessions {
  sessions: CaseSessionRow[];
  /** Whether this person may book a session for the case now. */
  canSchedule: boolean;
  bookHref: string | null;
}

/**
 * The case's sessions for this person; null when the case is not visible to them. The
 * case page reads the case with readCase (which audits the read) before calling this.
 */
export async function caseSessions(db: Executor, viewer: CaseViewer, referralId: string, now = new Date()): Promise<CaseSessions | null> {
  const referral = await onlyVisibleTo(db.selectFrom('referral').select(['id', 'state', 'organisation_id', 'allocated_worker_id']), viewer)
    .where('referral.id', '=', referralId)
    .executeTakeFirst();
  if (!referral) return null;
  const staff = visibilityOf(viewer) === 'service' || visibilityOf(viewer) === 'allocated';
  const [rows, modules] = await Promise.all([
    db
      .selectFrom('programme_session')
      .select(['id', 'module_key', 'starts_at', 'ends_at', 'state', 'absence_judgement', 'safeguarding_concern'])
      .where('referral_id', '=', referral.id)
      .orderBy('starts_at')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    caseModules(db, referral.id),
  ]);
  const sessions = rows.map((row): CaseSessionRow => {
    const state = row.state as SessionState;
    const absence = row.absence_judgement as AbsenceJudgement | null;
    const shared = {
      startsAt: row.starts_at.toISOString(),
      date: formatSessionDay(row.starts_at, { weekday: true }),
      time: formatSessionTimes(row.starts_at, row.ends_at),
      moduleTitle: moduleTitle(modules, row.module_key),
    };
    if (!staff) return { audience: 'referrer', ...shared, outcome: sessionOutcomeTag(state, absence) };
    const due = sessionDue(state, row.starts_at, now);
    return {
      audience: 'staff',
      ...shared,
      outcome: sessionOutcomeTag(state, absence),
      id: row.id,
      href: `/staff/sessions/${row.id}`,
      state,
      status: sessionStaffTag(state, absence),
      due,
      dueLabel: due ? DUE_LABELS[due] : null,
      notesDue: due === 'notes',
      signOffDue: due === 'sign-off',
      safeguardingConcern: row.safeguarding_concern,
    };
  });
  const canSchedule = staff && (SCHEDULABLE_CASE_STATES as readonly string[]).includes(referral.state) && mayUpdate(viewer, referral, 'case:update:allocated');
  return { sessions, canSchedule, bookHref: canSchedule ? `/staff/referrals/${referral.id}/sessions/new` : null };
}
