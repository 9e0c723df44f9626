/**
 * The session page: everything it shows one person (the case, the time, the module,
 * the state, what was recorded and the history), the steps it offers them, and taking a
 * step. The session must already have been read with readSession, which decided that
 * this person may see it and audited the read. Each way a step can fail comes back as a
 * value the page turns into words; a stale page gets what changed since, never an
 * overwrite.
 */
import type { Db } from '../../db/connection';
import { recordAudit, type Executor } from '../audit/record';
import { visibilityOf, type CaseViewer } from '../referrals/access';
import type { SessionRecord } from './access';
import type { DoneNotice } from './banners';
import { caseModules, clashMessage, moduleTitle } from './booking';
import { SessionConflictError, SessionNotAllowedError, SessionNotFoundError, SessionTransitionRefusedError, SlotTakenError } from './errors';
import { MESSAGES, notesFormValues, type SessionPageStep, type SessionStepInput } from './forms';
import { offeredSessionSteps, sessionRefusal, stepBlockedBy, type StepContext } from './offered-steps';
import type { AbsenceJudgement, AttendanceRecord, SessionEvent, SessionState } from './session-machine';
import { currentProgramme } from '../programme/definition';
import { ABSENCE_LABELS, describeSessionEvent, ENGAGEMENT_LABELS, HOMEWORK_LABELS, sessionStaffTag, type SessionTag } from './session-status';
import { unacceptableAbsences } from './absences';
import { correctAttendance, rescheduleSession, SCHEDULABLE_CASE_STATES, transitionSession, type SessionNotes } from './sessions';
import { formatSessionDay, formatSessionTimes } from './times';
import { OpenSafeguardingConcernError } from '../safeguarding/concerns';

export interface SessionHistoryItem {
  id: number;
  version: number;
  occurredAt: string;
  title: string;
  /** "Wendy Worker, CHOICE service". */
  byline: string;
  lines: Array<{ label: string; text: string }>;
}

/** A session's events in words, oldest first; only those after `afterVersion` when given. */
export async function sessionHistory(db: Executor, sessionId: string, options: { afterVersion?: number } = {}): Promise<SessionHistoryItem[]> {
  let query = db
    .selectFrom('session_event')
    .leftJoin('staff_user as actor', 'actor.id', 'session_event.actor_staff_user_id')
    .leftJoin('organisation', 'organisation.id', 'actor.organisation_id')
    .select([
      'session_event.id',
      'session_event.version',
      'session_event.occurred_at',
      'session_event.event',
      'session_event.from_state',
      'session_event.reason',
      'actor.full_name as actor_name',
      'organisation.name as actor_organisation',
    ])
    .where('session_event.session_id', '=', sessionId);
  if (options.afterVersion !== undefined) query = query.where('session_event.version', '>', options.afterVersion);
  const rows = await query.orderBy('session_event.id').execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    occurredAt: row.occurred_at.toISOString(),
    ...describeSessionEvent({ event: row.event, fromState: row.from_state, reason: row.reason }),
    byline: row.actor_name ? `${row.actor_name}${row.actor_organisation ? `, ${row.actor_organisation}` : ''}` : 'The system',
  }));
}

/** What was recorded about a session, in words (CHOICE staff only). */
export interface RecordedNotes {
  topics: string | null;
  engagement: string | null;
  homeworkSet: string | null;
  homeworkDone: string | null;
  concerns: string | null;
  safeguardingConcern: boolean;
  privateNotes: string | null;
}

export function recordedNotes(session: Pick<SessionRecord, 'topics_covered' | 'engagement' | 'homework_set' | 'homework_done' | 'concerns' | 'safeguarding_concern' | 'private_notes'>): RecordedNotes | null {
  const notes: RecordedNotes = {
    topics: session.topics_covered,
    engagement: session.engagement ? ENGAGEMENT_LABELS[session.engagement] : null,
    homeworkSet: session.homework_set,
    homeworkDone: session.homework_done ? HOMEWORK_LABELS[session.homework_done] : null,
    concerns: session.concerns,
    safeguardingConcern: session.safeguarding_concern,
    privateNotes: session.private_notes,
  };
  const anything = Object.values(notes).some((value) => value !== null && value !== false);
  return anything ? notes : null;
}

export interface SessionPageView {
  id: string;
  referralId: string;
  reference: string;
  caseHref: string;
  personName: string | null;
  workerName: string;
  moduleTitle: string;
  /** "Thursday 3 December 2026". */
  date: string;
  /** "14:00 to 15:00". */
  time: string;
  startsAt: string;
  minutes: number;
  state: SessionState;
  status: SessionTag;
  version: number;
  absence: { judgement: string; reason: string | null } | null;
  notes: RecordedNotes | null;
  /** The notes form's values from what is saved. */
  notesValues: Record<string, string>;
  steps: SessionPageStep[];
  /** The session's start time has come (whether he came can be recorded). */
  started: boolean;
  manager: boolean;
  /** What the record says now, when whether he came has been recorded: a correction must change it. */
  attendance: AttendanceRecord | null;
  /** Who may correct whether he came, and until when, in words for this person. */
  correctionRule: string;
  /** Newest first. */
  history: SessionHistoryItem[];
  inviteHref: string | null;
  /** The session booked in this one's place, when it was moved. */
  movedTo: { href: string; date: string; time: string } | null;
}

export function stepContext(viewer: CaseViewer, session: Pick<SessionRecord, 'starts_at' | 'caseState'>, now: Date): StepContext {
  return {
    manager: visibilityOf(viewer) === 'service',
    started: session.starts_at.getTime() <= now.getTime(),
    caseOpen: (SCHEDULABLE_CASE_STATES as readonly string[]).includes(session.caseState),
  };
}

/** The session booked by the same step that moved this one (same moment, same case, same person). */
async function replacementOf(db: Executor, session: SessionRecord) {
  const moved = await db
    .selectFrom('session_event')
    .select(['occurred_at', 'actor_staff_user_id'])
    .where('session_id', '=', session.id)
    .where('event', '=', 'RESCHEDULE')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!moved) return null;
  const row = await db
    .selectFrom('programme_session')
    .innerJoin('session_event', 'session_event.session_id', 'programme_session.id')
    .select(['programme_session.id', 'programme_session.starts_at', 'programme_session.ends_at'])
    .where('programme_session.referral_id', '=', session.referral_id)
    .where('programme_session.id', '!=', session.id)
    .where('session_event.event', '=', 'SCHEDULE')
    .where('session_event.occurred_at', '=', moved.occurred_at)
    .where('session_event.actor_staff_user_id', moved.actor_staff_user_id === null ? 'is' : '=', moved.actor_staff_user_id)
    .executeTakeFirst();
  return row ? { href: `/staff/sessions/${row.id}`, date: formatSessionDay(row.starts_at, { weekday: true }), time: formatSessionTimes(row.starts_at, row.ends_at) } : null;
}

export async function sessionPageView(db: Executor, viewer: CaseViewer, session: SessionRecord, now = new Date()): Promise<SessionPageView> {
  const state = session.state as SessionState;
  const absence = session.absence_judgement as AbsenceJudgement | null;
  const [modules, history, movedTo, programme] = await Promise.all([
    caseModules(db, session.referral_id),
    sessionHistory(db, session.id),
    state === 'rescheduled' ? replacementOf(db, session) : null,
    currentProgramme(db),
  ]);
  const context = stepContext(viewer, session, now);
  const days = programme.definition.attendance.workerCorrectionDays;
  return {
    id: session.id,
    referralId: session.referral_id,
    reference: session.reference,
    caseHref: `/staff/referrals/${session.referral_id}`,
    personName: session.personName,
    workerName: session.workerName,
    moduleTitle: moduleTitle(modules, session.module_key),
    date: formatSessionDay(session.starts_at, { weekday: true }),
    time: formatSessionTimes(session.starts_at, session.ends_at),
    startsAt: session.starts_at.toISOString(),
    minutes: Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000),
    state,
    status: sessionStaffTag(state, absence),
    version: session.version,
    absence: state === 'not_attended' && absence ? { judgement: ABSENCE_LABELS[absence], reason: session.absence_reason } : null,
    notes: recordedNotes(session),
    notesValues: notesFormValues(session),
    steps: offeredSessionSteps(session.snapshot, session.machine_version, context),
    started: context.started,
    manager: context.manager,
    attendance: attendanceRecord(state, absence),
    correctionRule: context.manager
      ? 'As a manager of the CHOICE service you can correct this at any time.'
      : `The programme worker can correct this for ${days} ${days === 1 ? 'day' : 'days'} after it was recorded; after that, a CHOICE manager can.`,
    history: history.reverse(),
    inviteHref: ['rescheduled', 'cancelled'].includes(state) ? null : `/staff/sessions/${session.id}/invite.ics`,
    movedTo,
  };
}

export type SessionStepResult =
  /** Where to go next (the new session, after a move) and what to say there. */
  | { status: 'done'; sessionId: string; notice: DoneNotice }
  | { status: 'forbidden' }
  | { status: 'not-found' }
  | { status: 'invalid'; field: string; message: string }
  /** Someone else changed the session since the person's version: what they did, and the notes as saved now. */
  | { status: 'conflict'; version: number; state: SessionState; changes: SessionHistoryItem[]; notes: RecordedNotes | null }
  | { status: 'refused'; state: SessionState; message: string };

/** What the record says about whether he came, or null while it says nothing yet. */
export function attendanceRecord(state: SessionState, absence: AbsenceJudgement | null): AttendanceRecord | null {
  if (state === 'attended' || state === 'notes_recorded' || state === 'signed_off') return 'attended';
  return state === 'not_attended' ? absence : null;
}

function eventOf(input: Exclude<SessionStepInput, { step: 'RESCHEDULE' | 'CORRECT_ATTENDANCE' }>): SessionEvent {
  switch (input.step) {
    case 'MARK_NOT_ATTENDED':
      return { type: 'MARK_NOT_ATTENDED', judgement: input.judgement, reason: input.absenceReason };
    case 'CANCEL':
      return { type: 'CANCEL', reason: input.cancelReason };
    default:
      return { type: input.step };
  }
}

/** The notes as columns. A safeguarding concern, once recorded, stays: leaving the box empty later does not clear it. */
function notesChanges(input: SessionStepInput): SessionNotes | undefined {
  if (input.step !== 'RECORD_NOTES') return undefined;
  const { notes } = input;
  return {
    topics_covered: notes.topics,
    engagement: notes.engagement,
    homework_set: notes.homeworkSet,
    homework_done: notes.homeworkDone,
    concerns: notes.concerns,
    private_notes: notes.privateNotes,
    ...(notes.safeguarding ? { safeguarding_concern: true } : {}),
  };
}

/** Takes a step from the session page. */
export async function takeSessionStep(db: Db, viewer: CaseViewer, session: SessionRecord, input: SessionStepInput, siteUrl: () => string, now = new Date()): Promise<SessionStepResult> {
  const actor = { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId };
  const context = stepContext(viewer, session, now);
  if (input.step === 'SIGN_OFF' && !context.manager) {
    await recordAudit(db, { actor, action: 'access.denied', object: { type: 'programme_session', id: session.id }, outcome: 'denied', detail: { step: input.step } });
    return { status: 'forbidden' };
  }
  const blocked = stepBlockedBy(input.step, context);
  if (blocked && input.version === session.version) return { status: 'refused', state: session.state as SessionState, message: blocked };
  try {
    if (input.step === 'RESCHEDULE') {
      const moved = await rescheduleSession(db, { sessionId: session.id, expectedVersion: input.version, reason: input.moveReason, startsAt: input.startsAt, minutes: input.minutes, actor, now });
      return { status: 'done', sessionId: moved.booked.id, notice: { step: 'RESCHEDULE' } };
    }
    if (input.step === 'CORRECT_ATTENDANCE') {
      if (input.version === session.version && input.attendance === attendanceRecord(session.state as SessionState, session.absence_judgement as AbsenceJudgement | null)) {
        return { status: 'invalid', field: 'attendance', message: MESSAGES.attendanceUnchanged };
      }
      const corrected = await correctAttendance(db, { sessionId: session.id, expectedVersion: input.version, attendance: input.attendance, reason: input.correctionReason, actor, siteUrl: siteUrl(), now });
      return { status: 'done', sessionId: session.id, notice: { step: 'CORRECT_ATTENDANCE', mailed: corrected.triggered.mail.length } };
    }
    const result = await transitionSession(db, { sessionId: session.id, expectedVersion: input.version, event: eventOf(input), actor, changes: notesChanges(input), siteUrl: siteUrl(), now });
    const notice: DoneNotice = { step: input.step };
    if (input.step === 'MARK_NOT_ATTENDED') {
      notice.judgement = input.judgement;
      if (input.judgement === 'unacceptable') {
        notice.absences = await unacceptableAbsences(db, session.referral_id);
        if (result.triggered.nonCompliance && result.triggered.nonCompliance !== 'none') notice.nonCompliance = result.triggered.nonCompliance;
      }
    }
    if (result.triggered.safeguarding) {
      notice.safeguarding = true;
      notice.mailed = result.triggered.mail.length;
    }
    return { status: 'done', sessionId: session.id, notice };
  } catch (error) {
    if (error instanceof SessionConflictError) {
      const [changes, current] = await Promise.all([
        sessionHistory(db, session.id, { afterVersion: input.version }),
        db.selectFrom('programme_session').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow(),
      ]);
      return { status: 'conflict', version: error.current.version, state: error.current.state, changes, notes: recordedNotes(current) };
    }
    if (error instanceof SlotTakenError) {
      const self = session.worker_id === viewer.staffUserId;
      return { status: 'invalid', field: 'time', message: await clashMessage(db, error.clash, self ? { self: true } : { self: false, name: session.workerName }, now) };
    }
    if (error instanceof SessionTransitionRefusedError) return { status: 'refused', state: error.state, message: sessionRefusal(error.state, input.step) };
    if (error instanceof SessionNotAllowedError) return input.step === 'SIGN_OFF' ? { status: 'forbidden' } : { status: 'refused', state: session.state as SessionState, message: error.message };
    if (error instanceof SessionNotFoundError) return { status: 'not-found' };
    if (error instanceof OpenSafeguardingConcernError) return { status: 'refused', state: session.state as SessionState, message: error.message };
    throw error;
  }
}
