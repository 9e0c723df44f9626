/**
 * Safeguarding concerns as items to be dealt with, not only an email: recording one in
 * a session's notes opens an item (in the same transaction as the managers' email); a
 * CHOICE manager acknowledges it, then records what was done, by or with whom, and on
 * which day. While a case has a concern not yet dealt with, its plan, its sessions and
 * its reports are not signed off (`refuseSignOffWhileConcernOpen`, called inside each
 * sign-off's transaction). Only CHOICE managers read or change an item; every read
 * and every change is audited. The words of the concern stay in the session's notes:
 * the item holds who raised it, when, and what was done.
 */
import type { Db } from '../../db/connection';
import type { SafeguardingState } from '../../db/schema';
import { isUuid } from '../administration/forms';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import { viewerCan, type CaseViewer } from '../referrals/access';
import { formatSessionDay } from '../sessions/times';

export const CONCERN_TEXT_MAX = 4_000;
export const SAFEGUARDING_PATH = '/staff/safeguarding';
export const concernPath = (id: string) => `${SAFEGUARDING_PATH}/${id}`;

/** A sign-off refused while a concern on the case has not been dealt with. */
export class OpenSafeguardingConcernError extends Error {
  constructor(readonly concernId: string) {
    super('There is a safeguarding concern on this case that has not been dealt with. A manager must acknowledge it and record what was done before anything on the case is signed off.');
    this.name = 'OpenSafeguardingConcernError';
  }
  get href(): string {
    return concernPath(this.concernId);
  }
}

export class ConcernNotFoundError extends Error {
  constructor() {
    super('There is no such safeguarding concern.');
    this.name = 'ConcernNotFoundError';
  }
}

export class ConcernConflictError extends Error {
  constructor(readonly current: { version: number; state: SafeguardingState }) {
    super('Someone else changed this safeguarding concern first.');
    this.name = 'ConcernConflictError';
  }
}

export class ConcernStepRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcernStepRefusedError';
  }
}

/** Only a manager of the CHOICE service deals with concerns. */
export const mayManageConcerns = (viewer: CaseViewer) => viewer.organisationKind === 'choice_service' && viewerCan(viewer, 'safeguarding:manage:service');

/** Opens an item for a concern just recorded in a session's notes, inside that step's transaction. */
export async function openConcern(trx: Executor, request: { referralId: string; sessionId: string; actor: AuditActor; now: Date }): Promise<string> {
  const { id } = await trx
    .insertInto('safeguarding_concern')
    .values({ referral_id: request.referralId, session_id: request.sessionId, raised_by_staff_user_id: request.actor.staffUserId, raised_at: request.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { actor: request.actor, action: 'safeguarding.open', object: { type: 'safeguarding_concern', id }, outcome: 'success', detail: { referral: request.referralId, session: request.sessionId } });
  return id;
}

/** The oldest concern on the case not yet dealt with, if any. */
export async function openConcernOf(db: Executor, referralId: string): Promise<string | null> {
  const row = await db.selectFrom('safeguarding_concern').select('id').where('referral_id', '=', referralId).where('state', '!=', 'actioned').orderBy('raised_at').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** Called inside a sign-off's transaction: refuses it while a concern on the case is open. */
export async function refuseSignOffWhileConcernOpen(trx: Executor, referralId: string): Promise<void> {
  const open = await openConcernOf(trx, referralId);
  if (open) throw new OpenSafeguardingConcernError(open);
}

export interface ConcernView {
  id: string;
  version: number;
  state: SafeguardingState;
  referralId: string;
  reference: string;
  personName: string | null;
  caseHref: string;
  session: { href: string; date: string; concerns: string | null } | null;
  raisedAt: string;
  raisedByName: string | null;
  acknowledged: { at: string; byName: string | null } | null;
  action: { what: string; who: string; on: string; recordedAt: string; recordedByName: string | null } | null;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('safeguarding_concern as c')
    .innerJoin('referral', 'referral.id', 'c.referral_id')
    .leftJoin('programme_session as s', 's.id', 'c.session_id')
    .leftJoin('staff_user as raiser', 'raiser.id', 'c.raised_by_staff_user_id')
    .leftJoin('staff_user as acknowledger', 'acknowledger.id', 'c.acknowledged_by_staff_user_id')
    .leftJoin('staff_user as recorder', 'recorder.id', 'c.action_recorded_by_staff_user_id')
    .select([
      'c.id',
      'c.version',
      'c.state',
      'c.referral_id',
      'c.session_id',
      'c.raised_at',
      'c.acknowledged_at',
      'c.action_taken',
      'c.action_by',
      'c.action_on',
      'c.action_recorded_at',
      'referral.reference',
      'referral.person_name',
      's.starts_at as session_starts_at',
      's.concerns as session_concerns',
      'raiser.full_name as raised_by_name',
      'acknowledger.full_name as acknowledged_by_name',
      'recorder.full_name as recorded_by_name',
    ]);
}

type ConcernRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function viewOf(row: ConcernRow): ConcernView {
  return {
    id: row.id,
    version: row.version,
    state: row.state,
    referralId: row.referral_id,
    reference: row.reference,
    personName: row.person_name,
    caseHref: `/staff/referrals/${row.referral_id}`,
    session: row.session_id && row.session_starts_at ? { href: `/staff/sessions/${row.session_id}`, date: formatSessionDay(row.session_starts_at, { weekday: true }), concerns: row.session_concerns } : null,
    raisedAt: row.raised_at.toISOString(),
    raisedByName: row.raised_by_name,
    acknowledged: row.acknowledged_at ? { at: row.acknowledged_at.toISOString(), byName: row.acknowledged_by_name } : null,
    action:
      row.action_recorded_at && row.action_taken && row.action_by && row.action_on
        ? { what: row.action_taken, who: row.action_by, on: row.action_on, recordedAt: row.action_recorded_at.toISOString(), recordedByName: row.recorded_by_name }
        : null,
  };
}

/** One concern, for a CHOICE manager; the read is audited. Anyone else, or no such item: null. */
export async function readConcern(db: Executor, viewer: CaseViewer, concernId: string): Promise<ConcernView | null> {
  if (!mayManageConcerns(viewer) || !isUuid(concernId)) return null;
  const row = await baseQuery(db).where('c.id', '=', concernId).executeTakeFirst();
  if (!row) return null;
  await recordAudit(db, { actor: viewer, action: 'safeguarding.read', object: { type: 'safeguarding_concern', id: row.id }, outcome: 'success', detail: { referral: row.referral_id } });
  return viewOf(row);
}

/** The concerns a manager's page of work lists: every one not yet dealt with, oldest first. */
export async function concernsToDealWith(db: Executor, viewer: CaseViewer): Promise<ConcernView[]> {
  if (!mayManageConcerns(viewer)) return [];
  const rows = await baseQuery(db).where('c.state', '!=', 'actioned').orderBy('c.raised_at').limit(200).execute();
  if (rows.length) await recordAudit(db, { actor: viewer, action: 'safeguarding.list', outcome: 'success', detail: { shown: rows.length } });
  return rows.map(viewOf);
}

/** How many concerns wait to be dealt with: a number only, for a manager's home page. */
export async function countConcernsToDealWith(db: Executor): Promise<number> {
  const row = await db.selectFrom('safeguarding_concern').select((eb) => eb.fn.countAll<string>().as('count')).where('state', '!=', 'actioned').executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The case's concerns, newest first, for its page (managers only). */
export async function caseConcerns(db: Executor, viewer: CaseViewer, referralId: string): Promise<ConcernView[]> {
  if (!mayManageConcerns(viewer)) return [];
  return (await baseQuery(db).where('c.referral_id', '=', referralId).orderBy('c.raised_at', 'desc').execute()).map(viewOf);
}

interface ConcernStepRequest {
  concernId: string;
  expectedVersion: number;
  actor: AuditActor;
  now?: Date;
}

async function lockConcern(trx: Executor, request: ConcernStepRequest) {
  const row = await trx.selectFrom('safeguarding_concern').select(['id', 'version', 'state', 'referral_id']).where('id', '=', request.concernId).forUpdate().executeTakeFirst();
  if (!row) throw new ConcernNotFoundError();
  if (row.version !== request.expectedVersion) throw new ConcernConflictError({ version: row.version, state: row.state });
  return row;
}

/** A manager has seen the concern and is dealing with it. */
export async function acknowledgeConcern(db: Db, request: ConcernStepRequest): Promise<{ version: number }> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await lockConcern(trx, request);
    if (row.state !== 'open') throw new ConcernStepRefusedError('This concern has already been acknowledged.');
    const version = row.version + 1;
    await trx
      .updateTable('safeguarding_concern')
      .set({ state: 'acknowledged', acknowledged_at: now, acknowledged_by_staff_user_id: request.actor.staffUserId, version })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, { actor: request.actor, action: 'safeguarding.acknowledge', object: { type: 'safeguarding_concern', id: row.id }, outcome: 'success', detail: { referral: row.referral_id } });
    return { version };
  });
}

export interface ConcernAction {
  /** What was done. */
  what: string;
  /** Who did it, or who was told (the police, social work, a named person). */
  who: string;
  /** The day it was done, yyyy-mm-dd. */
  on: string;
}

/**
 * What was done about the concern, by a manager: this deals with it (acknowledging it
 * too, if nobody had yet). It is recorded once; a later development is a new concern.
 */
export async function recordConcernAction(db: Db, request: ConcernStepRequest & { action: ConcernAction }): Promise<{ version: number }> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await lockConcern(trx, request);
    if (row.state === 'actioned') throw new ConcernStepRefusedError('What was done about this concern has already been recorded.');
    const version = row.version + 1;
    await trx
      .updateTable('safeguarding_concern')
      .set({
        state: 'actioned',
        ...(row.state === 'open' ? { acknowledged_at: now, acknowledged_by_staff_user_id: request.actor.staffUserId } : {}),
        action_taken: request.action.what,
        action_by: request.action.who,
        action_on: request.action.on,
        action_recorded_at: now,
        action_recorded_by_staff_user_id: request.actor.staffUserId,
        version,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, { actor: request.actor, action: 'safeguarding.record-action', object: { type: 'safeguarding_concern', id: row.id }, outcome: 'success', detail: { referral: row.referral_id } });
    return { version };
  });
}
