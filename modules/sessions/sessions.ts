/**
 * Programme sessions: booking one, and moving it from state to state. Every change is
 * one transaction, as for a case (modules/referrals/transitions.ts): the row with its
 * snapshot, the session event, the audit row and any email are written together or not
 * at all. The database itself refuses a worker two live sessions at the same time (the
 * programme_session_no_double_booking constraint); this module turns that refusal into
 * a SlotTakenError naming the clash.
 */
import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/connection';
import type { ProgrammeSessionTable, SessionEventRow } from '../../db/schema';
import { recordAudit, type Executor } from '../audit/record';
import type { MailMessage } from '../mail/outbox';
import { currentProgramme } from '../programme/definition';
import { isChoiceManager } from '../referrals/access';
import type { TransitionActor } from '../referrals/transitions';
import { SessionConflictError, SessionNotAllowedError, SessionNotFoundError, SessionTransitionRefusedError, SlotTakenError, type ClashingSession } from './errors';
import { createReport } from '../reports/reports';
import { openConcern, refuseSignOffWhileConcernOpen } from '../safeguarding/concerns';
import { unacceptableAbsences } from './absences';
import { crossedBy, type NonComplianceStage } from './non-compliance';
import { queueCorrectionNotice, queueSafeguardingNotice } from './notices';
import { SESSION_MACHINE_ID, SESSION_MACHINE_VERSION, type AttendanceRecord, type SessionContext, type SessionEvent, type SessionState } from './session-machine';
import { advanceSession, newSessionSnapshot } from './snapshot';
import { describeSessionSlot } from './times';

/** Case states in which sessions may be booked. */
export const SCHEDULABLE_CASE_STATES = ['allocated', 'assessment', 'in_programme'] as const;
/** Session states that hold the worker's time (the same list as the exclusion constraint). */
export const LIVE_SESSION_STATES: readonly SessionState[] = ['scheduled', 'attended', 'notes_recorded', 'signed_off'];
export const MAX_SESSION_MINUTES = 8 * 60;

/** The allocated worker, or a manager of the CHOICE service. */
export async function mayWorkOn(db: Executor, staffUserId: string, allocatedWorkerId: string | null): Promise<boolean> {
  return staffUserId === allocatedWorkerId || isChoiceManager(db, staffUserId);
}

async function findClash(db: Executor, workerId: string, startsAt: Date, endsAt: Date): Promise<ClashingSession | null> {
  const row = await db
    .selectFrom('programme_session')
    .select(['id', 'referral_id', 'starts_at', 'ends_at'])
    .where('worker_id', '=', workerId)
    .where('state', 'in', LIVE_SESSION_STATES)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, referralId: row.referral_id, startsAt: row.starts_at, endsAt: row.ends_at } : null;
}

const isExclusionViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23P01' && (error as { constraint?: string }).constraint === 'programme_session_no_double_booking';

export interface ScheduleRequest {
  referralId: string;
  workerId: string;
  moduleKey: string;
  startsAt: Date;
  minutes: number;
  actor: TransitionActor;
  now?: Date;
}

/** Whether a module may be booked for this case: one of the programme's now, or one of the case's own plan. */
async function isKnownModule(trx: Executor, referralId: string, moduleKey: string): Promise<boolean> {
  const { definition } = await currentProgramme(trx);
  if (definition.modules.some((module) => module.key === moduleKey)) return true;
  const plan = await trx.selectFrom('case_plan').select('modules').where('referral_id', '=', referralId).executeTakeFirst();
  const modules: unknown = typeof plan?.modules === 'string' ? JSON.parse(plan.modules) : plan?.modules;
  return Array.isArray(modules) && modules.some((module: { key?: unknown } | null) => module?.key === moduleKey);
}

export interface BookedSession {
  id: string;
  version: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Books a session inside the caller's transaction: every check, the row, its first
 * event and the audit row. `scheduleSession` and `rescheduleSession` both use it.
 */
async function bookInTransaction(trx: Executor, request: ScheduleRequest & { reason?: string; auditDetail?: Record<string, string> }, now: Date): Promise<BookedSession> {
  if (!Number.isInteger(request.minutes) || request.minutes < 1 || request.minutes > MAX_SESSION_MINUTES) {
    throw new RangeError(`A session lasts from 1 to ${MAX_SESSION_MINUTES} minutes.`);
  }
  const startsAt = request.startsAt;
  const endsAt = new Date(startsAt.getTime() + request.minutes * 60_000);
  const referral = await trx.selectFrom('referral').select(['id', 'state', 'allocated_worker_id']).where('id', '=', request.referralId).executeTakeFirst();
  if (!referral) throw new SessionNotFoundError();
  if (!(SCHEDULABLE_CASE_STATES as readonly string[]).includes(referral.state)) {
    throw new SessionNotAllowedError(`Sessions can be booked only for a case that is allocated, in assessment or in the programme.`);
  }
  if (!(await mayWorkOn(trx, request.actor.staffUserId, referral.allocated_worker_id))) {
    throw new SessionNotAllowedError('Only the allocated worker or a manager can book sessions for this case.');
  }
  if (!(await mayWorkOn(trx, request.workerId, referral.allocated_worker_id))) {
    throw new SessionNotAllowedError('A session is held by the allocated worker or a manager.');
  }
  if (!(await isKnownModule(trx, referral.id, request.moduleKey))) {
    throw new SessionNotAllowedError('That module is not in the programme.');
  }
  // Bookings for one worker wait for each other: two inserts racing on an exclusion
  // constraint can deadlock rather than one simply failing. The constraint stays the guarantee.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`programme_session:${request.workerId}`}))`.execute(trx);
  const clash = await findClash(trx, request.workerId, startsAt, endsAt);
  if (clash) throw new SlotTakenError(clash);
  const created = await trx
    .insertInto('programme_session')
    .values({
      referral_id: referral.id,
      worker_id: request.workerId,
      module_key: request.moduleKey,
      starts_at: startsAt,
      ends_at: endsAt,
      state: 'scheduled',
      machine_id: SESSION_MACHINE_ID,
      machine_version: SESSION_MACHINE_VERSION,
      snapshot: JSON.stringify(newSessionSnapshot()),
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('session_event')
    .values({
      session_id: created.id,
      occurred_at: now,
      actor_staff_user_id: request.actor.staffUserId,
      event: 'SCHEDULE',
      from_state: null,
      to_state: 'scheduled',
      reason: request.reason ?? null,
      version: created.version,
    })
    .execute();
  await recordAudit(trx, {
    actor: request.actor,
    action: 'session.schedule',
    object: { type: 'programme_session', id: created.id },
    outcome: 'success',
    detail: { referral: referral.id, module: request.moduleKey, ...request.auditDetail },
  });
  return { id: created.id, version: created.version, startsAt, endsAt };
}

/** Runs a booking's transaction; a double booking the database itself refused is read afresh and named. */
async function namingTheClash<T>(db: Db, workerId: string, slot: { startsAt: Date; minutes: number }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // The transaction is gone by now, so the clash is read afresh.
    if (isExclusionViolation(error)) throw new SlotTakenError(await findClash(db, workerId, slot.startsAt, new Date(slot.startsAt.getTime() + slot.minutes * 60_000)));
    throw error;
  }
}

export async function scheduleSession(db: Db, request: ScheduleRequest): Promise<BookedSession> {
  const now = request.now ?? new Date();
  return namingTheClash(db, request.workerId, request, () => db.transaction().execute((trx) => bookInTransaction(trx, request, now)));
}

/** What a worker writes after a session (RECORD_NOTES). */
export type SessionNotes = Pick<
  Updateable<ProgrammeSessionTable>,
  'topics_covered' | 'engagement' | 'homework_set' | 'homework_done' | 'concerns' | 'safeguarding_concern' | 'private_notes'
>;

function reasonOf(event: SessionEvent): string | null {
  switch (event.type) {
    case 'MARK_NOT_ATTENDED':
      return `${event.judgement}: ${event.reason.trim()}`;
    case 'RESCHEDULE':
    case 'CANCEL':
      return event.reason.trim();
    case 'CORRECT_ATTENDANCE':
      return `${event.attendance}: ${event.reason.trim()}`;
    default:
      return null;
  }
}

export function sessionChangesSince(db: Executor, sessionId: string, version: number): Promise<SessionEventRow[]> {
  return db.selectFrom('session_event').selectAll().where('session_id', '=', sessionId).where('version', '>', version).orderBy('id').execute();
}

export interface SessionTransitionRequest {
  sessionId: string;
  /** The version the person saw when they chose this step. */
  expectedVersion: number;
  event: SessionEvent;
  actor: TransitionActor;
  /** The notes, with RECORD_NOTES. */
  changes?: SessionNotes;
  /** The site's address, for the links in any email the step sends. */
  siteUrl: string;
  /** Further writes in the same transaction. */
  alsoDo?: (trx: Executor, result: SessionTransitionResult) => Promise<void>;
  now?: Date;
}

export interface SessionTransitionResult {
  sessionId: string;
  referralId: string;
  from: SessionState;
  state: SessionState;
  version: number;
  context: SessionContext;
  /** What the step set off, for the page to say so. */
  triggered: { nonCompliance: NonComplianceStage | null; safeguarding: boolean; mail: MailMessage[] };
}

export async function transitionSession(db: Db, request: SessionTransitionRequest): Promise<SessionTransitionResult> {
  const now = request.now ?? new Date();
  return db.transaction().execute((trx) => stepInTransaction(trx, request, now));
}

/** One step on a session inside the caller's transaction: `transitionSession` and `rescheduleSession` both use it. */
async function stepInTransaction(trx: Executor, request: SessionTransitionRequest, now: Date): Promise<SessionTransitionResult> {
  const { event } = request;
  const row = await trx
    .selectFrom('programme_session')
    .innerJoin('referral', 'referral.id', 'programme_session.referral_id')
    .select([
      'programme_session.id',
      'programme_session.referral_id',
      'programme_session.state',
      'programme_session.version',
      'programme_session.snapshot',
      'programme_session.machine_version',
      'programme_session.worker_id',
      'programme_session.safeguarding_concern',
      'referral.allocated_worker_id',
      'referral.state as case_state',
    ])
    .where('programme_session.id', '=', request.sessionId)
    .executeTakeFirst();
  if (!row) throw new SessionNotFoundError();
  const manager = await isChoiceManager(trx, request.actor.staffUserId);
  if (!manager && request.actor.staffUserId !== row.allocated_worker_id) throw new SessionNotFoundError();
  if (event.type === 'SIGN_OFF' && !manager) throw new SessionNotAllowedError('Only a manager can sign a session off.');
  if (row.version !== request.expectedVersion) {
    throw new SessionConflictError({ version: row.version, state: row.state as SessionState }, await sessionChangesSince(trx, row.id, request.expectedVersion));
  }
  const advance = advanceSession(row.snapshot, row.machine_version, event);
  if (!advance.accepted) throw new SessionTransitionRefusedError(advance.state, event.type);
  if (event.type === 'SIGN_OFF') await refuseSignOffWhileConcernOpen(trx, row.referral_id);

  // Absences of one case are counted one at a time, so two marked at once cannot both be "the first".
  const judgedUnacceptable = event.type === 'MARK_NOT_ATTENDED' && event.judgement === 'unacceptable';
  if (judgedUnacceptable || event.type === 'CORRECT_ATTENDANCE') await trx.selectFrom('referral').select('id').where('id', '=', row.referral_id).forNoKeyUpdate().execute();
  const previousAbsences = judgedUnacceptable || event.type === 'CORRECT_ATTENDANCE' ? await unacceptableAbsences(trx, row.referral_id) : 0;

  const version = row.version + 1;
  const updated = await trx
    .updateTable('programme_session')
    .set({
      ...(event.type === 'RECORD_NOTES' ? request.changes : {}),
      ...(event.type === 'MARK_NOT_ATTENDED' ? { absence_judgement: event.judgement, absence_reason: event.reason.trim() } : {}),
      // A correction to "he came" clears the absence; to an absence, its judgement is the corrected one (the reason given is in the event).
      ...(event.type === 'CORRECT_ATTENDANCE' ? { absence_judgement: event.attendance === 'attended' ? null : event.attendance } : {}),
      snapshot: JSON.stringify(advance.snapshot),
      machine_id: SESSION_MACHINE_ID,
      machine_version: SESSION_MACHINE_VERSION,
      state: advance.state,
      version,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .where('version', '=', request.expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    const current = await trx.selectFrom('programme_session').select(['version', 'state']).where('id', '=', row.id).executeTakeFirstOrThrow();
    throw new SessionConflictError({ version: current.version, state: current.state as SessionState }, await sessionChangesSince(trx, row.id, request.expectedVersion));
  }
  await trx
    .insertInto('session_event')
    .values({ session_id: row.id, occurred_at: now, actor_staff_user_id: request.actor.staffUserId, event: event.type, from_state: advance.from, to_state: advance.state, reason: reasonOf(event), version })
    .execute();
  await recordAudit(trx, {
    actor: request.actor,
    action: `session.${event.type.toLowerCase().replace(/_/g, '-')}`,
    object: { type: 'programme_session', id: row.id },
    outcome: 'success',
    detail: { from: advance.from, to: advance.state, version },
  });

  const triggered: SessionTransitionResult['triggered'] = { nonCompliance: null, safeguarding: false, mail: [] };
  if (judgedUnacceptable) {
    const { definition } = await currentProgramme(trx);
    // A case that has finished counts nothing more against him.
    triggered.nonCompliance = (SCHEDULABLE_CASE_STATES as readonly string[]).includes(row.case_state) ? crossedBy(previousAbsences, definition.nonCompliance) : null;
    // Reaching the end threshold prepares the non-compliance report for a manager to sign off;
    // the referrer hears of it when it is signed off (modules/reports), not before.
    if (triggered.nonCompliance === 'may-end') await createReport(trx, { referralId: row.referral_id, kind: 'non_compliance', actor: request.actor, now });
  }
  if (event.type === 'CORRECT_ATTENDANCE') {
    triggered.mail.push(...(await bringReportsUpToDate(trx, { referralId: row.referral_id, caseState: row.case_state, before: previousAbsences, actor: request.actor, siteUrl: request.siteUrl, now })));
  }
  // Only the moment a concern is first recorded: correcting other notes later does not mail again.
  if (event.type === 'RECORD_NOTES' && request.changes?.safeguarding_concern === true && !row.safeguarding_concern) {
    triggered.safeguarding = true;
    await openConcern(trx, { referralId: row.referral_id, sessionId: row.id, actor: request.actor, now });
    triggered.mail.push(...(await queueSafeguardingNotice(trx, row.referral_id, request.siteUrl)));
  }

  const result: SessionTransitionResult = { sessionId: row.id, referralId: row.referral_id, from: advance.from, state: advance.state, version, context: advance.context, triggered };
  if (request.alsoDo) await request.alsoDo(trx, result);
  return result;
}

/**
 * After a correction, in the same transaction: the non-compliance report and every
 * report still waiting for sign-off are brought up to date with the corrected count. A
 * waiting non-compliance report that no longer holds is withdrawn; if the referrer was
 * already sent one, they are emailed that the record they acted on has been corrected.
 */
async function bringReportsUpToDate(
  trx: Executor,
  request: { referralId: string; caseState: string; before: number; actor: TransitionActor; siteUrl: string; now: Date },
): Promise<MailMessage[]> {
  const [{ definition }, after, reports] = await Promise.all([
    currentProgramme(trx),
    unacceptableAbsences(trx, request.referralId),
    trx.selectFrom('report').select(['id', 'kind', 'state']).where('referral_id', '=', request.referralId).execute(),
  ]);
  const end = definition.nonCompliance.endAfterUnacceptableAbsences;
  const mail: MailMessage[] = [];
  const waitingNonCompliance = reports.find((report) => report.kind === 'non_compliance' && report.state === 'awaiting_sign_off');
  if (after < end && waitingNonCompliance) {
    await trx.deleteFrom('report').where('id', '=', waitingNonCompliance.id).execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'report.withdraw',
      object: { type: 'report', id: waitingNonCompliance.id },
      outcome: 'success',
      detail: { referral: request.referralId, kind: 'non_compliance', absences: after },
    });
  }
  const sentNonCompliance = reports.some((report) => report.kind === 'non_compliance' && report.state === 'signed_off');
  if (after < end && request.before >= end && sentNonCompliance) mail.push(...(await queueCorrectionNotice(trx, request.referralId, request.siteUrl)));
  if (after >= end && request.before < end && (SCHEDULABLE_CASE_STATES as readonly string[]).includes(request.caseState)) {
    await createReport(trx, { referralId: request.referralId, kind: 'non_compliance', actor: request.actor, now: request.now });
  }
  for (const report of reports) {
    if (report.state === 'awaiting_sign_off' && report.id !== waitingNonCompliance?.id) await createReport(trx, { referralId: request.referralId, kind: report.kind, actor: request.actor, now: request.now });
  }
  if (waitingNonCompliance && after >= end) await createReport(trx, { referralId: request.referralId, kind: 'non_compliance', actor: request.actor, now: request.now });
  return mail;
}

export interface CorrectionRequest {
  sessionId: string;
  expectedVersion: number;
  attendance: AttendanceRecord;
  reason: string;
  actor: TransitionActor;
  siteUrl: string;
  now?: Date;
}

/**
 * Corrects whether he came, or how an absence was judged: the allocated worker within
 * the programme's window after the record was made, a CHOICE manager at any time. One
 * transaction with the session event, the audit row and the reports brought up to date.
 */
export async function correctAttendance(db: Db, request: CorrectionRequest): Promise<SessionTransitionResult> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    if (!(await isChoiceManager(trx, request.actor.staffUserId))) {
      const [{ definition }, recorded] = await Promise.all([
        currentProgramme(trx),
        trx
          .selectFrom('session_event')
          .select('occurred_at')
          .where('session_id', '=', request.sessionId)
          .where('event', 'in', ['MARK_ATTENDED', 'MARK_NOT_ATTENDED', 'CORRECT_ATTENDANCE'])
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst(),
      ]);
      const days = definition.attendance.workerCorrectionDays;
      if (recorded && now.getTime() - recorded.occurred_at.getTime() > days * 86_400_000) {
        throw new SessionNotAllowedError(`A worker can correct an attendance record for ${days} ${days === 1 ? 'day' : 'days'} after it was made. Ask a CHOICE manager to correct it.`);
      }
    }
    return stepInTransaction(
      trx,
      { sessionId: request.sessionId, expectedVersion: request.expectedVersion, event: { type: 'CORRECT_ATTENDANCE', attendance: request.attendance, reason: request.reason }, actor: request.actor, siteUrl: request.siteUrl },
      now,
    );
  });
}

export interface RescheduleRequest {
  sessionId: string;
  /** The version of the session the person saw. */
  expectedVersion: number;
  reason: string;
  startsAt: Date;
  minutes: number;
  actor: TransitionActor;
  now?: Date;
}

export interface RescheduleResult {
  /** The session that was moved, now `rescheduled`. */
  moved: SessionTransitionResult;
  /** The session booked in its place: same case, module and worker. */
  booked: BookedSession;
}

/**
 * Moves a session to another time in one transaction: the old session takes the
 * RESCHEDULE step (its event and audit row) and a new one is booked for the same case,
 * module and worker, its first event saying where it was moved from. The old session
 * stops holding the worker's time first, so a session can move by half an hour; a
 * clash at the new time rolls both back and names the clash.
 */
export async function rescheduleSession(db: Db, request: RescheduleRequest): Promise<RescheduleResult> {
  const now = request.now ?? new Date();
  const session = await db.selectFrom('programme_session').select('worker_id').where('id', '=', request.sessionId).executeTakeFirst();
  if (!session) throw new SessionNotFoundError();
  return namingTheClash(db, session.worker_id, request, () =>
    db.transaction().execute(async (trx) => {
      // Moving a session sends no email, so no site address is needed for links.
      const moved = await stepInTransaction(
        trx,
        { sessionId: request.sessionId, expectedVersion: request.expectedVersion, event: { type: 'RESCHEDULE', reason: request.reason }, actor: request.actor, siteUrl: '' },
        now,
      );
      const old = await trx.selectFrom('programme_session').select(['referral_id', 'worker_id', 'module_key', 'starts_at', 'ends_at']).where('id', '=', request.sessionId).executeTakeFirstOrThrow();
      const booked = await bookInTransaction(
        trx,
        {
          referralId: old.referral_id,
          workerId: old.worker_id,
          moduleKey: old.module_key,
          startsAt: request.startsAt,
          minutes: request.minutes,
          actor: request.actor,
          reason: `Moved ${describeSessionSlot(old.starts_at, old.ends_at, null)}. ${request.reason.trim()}`,
          auditDetail: { movedFrom: request.sessionId },
        },
        now,
      );
      return { moved, booked };
    }),
  );
}

/**
 * Calls off a case's booked sessions, each with its event and audit row, inside the
 * caller's transaction: when the programme ends (completed or ended early) nothing
 * booked should still be waiting, and when a case moves to another worker the booked
 * sessions were the old worker's time, for the new worker to book again. Sessions
 * already held stay, so their notes can still be written and signed off.
 */
export async function cancelBookedSessions(trx: Executor, request: { referralId: string; reason: string; actor: TransitionActor; now?: Date }): Promise<number> {
  const now = request.now ?? new Date();
  const booked = await trx
    .selectFrom('programme_session')
    .select(['id', 'version'])
    .where('referral_id', '=', request.referralId)
    .where('state', '=', 'scheduled')
    .orderBy('starts_at')
    .forUpdate()
    .execute();
  for (const session of booked) {
    await stepInTransaction(trx, { sessionId: session.id, expectedVersion: session.version, event: { type: 'CANCEL', reason: request.reason }, actor: request.actor, siteUrl: '' }, now);
  }
  return booked.length;
}
