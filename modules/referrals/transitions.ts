/**
 * Moving a case from one state to the next. Every move is one transaction: read the
 * case, ask the machine, write the new snapshot with the domain columns the move
 * changes (only if the row is still at the version the person saw), add the case
 * event and the audit row, and queue any email. A stale version means someone else
 * changed the case first: nothing is written, and the caller is told what changed.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { Updateable } from 'kysely';
import type { CaseEventRow, ReferralTable } from '../../db/schema';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, type CaseContext, type CaseEvent, type CaseState } from './case-machine';
import { outcomeCodeOf } from './outcomes';
import { newCaseSnapshot, advanceCase } from './snapshot';

export class CaseConflictError extends Error {
  constructor(
    readonly current: { version: number; state: CaseState },
    /** What others did since the version the person saw, oldest first. */
    readonly changes: CaseEventRow[],
  ) {
    super('This case was changed by someone else.');
    this.name = 'CaseConflictError';
  }
}

export class TransitionRefusedError extends Error {
  constructor(
    readonly state: CaseState,
    readonly event: CaseEvent['type'],
  ) {
    super(`A case that is ${state.replace(/_/g, ' ')} cannot take the step ${event}.`);
    this.name = 'TransitionRefusedError';
  }
}

export class CaseNotFoundError extends Error {
  constructor() {
    super('There is no such case, or it is not one you can see.');
    this.name = 'CaseNotFoundError';
  }
}

export interface TransitionActor extends AuditActor {
  staffUserId: string;
}

type DomainChanges = Omit<Updateable<ReferralTable>, 'id' | 'reference' | 'snapshot' | 'version' | 'state' | 'machine_id' | 'machine_version'>;

/** The columns each step sets beside the snapshot (the machine keeps the workflow; the row keeps the facts). */
export function domainChanges(event: CaseEvent, context: CaseContext, now: Date, from?: CaseState): DomainChanges {
  switch (event.type) {
    case 'SUBMIT':
      return { submitted_at: now };
    case 'PROVIDE_INFORMATION':
      return { information_response: event.response.trim(), submitted_at: now };
    case 'REQUEST_INFORMATION':
      return { information_request: event.request.trim(), information_response: null };
    case 'DECLINE':
      return { decline_reason: event.reason.trim() };
    case 'ALLOCATE':
      return { allocated_worker_id: context.allocatedWorkerId };
    case 'END_EARLY':
      return { end_reason: event.reason };
    case 'CLOSE':
      return { outcome: event.outcome, closed_at: now, outcome_code: from ? outcomeCodeOf(from, context.endEarlyReason) : null };
    default:
      return {};
  }
}

/** What the event row says as its reason: the words a person gave, if the step has any. */
function reasonOf(event: CaseEvent): string | null {
  switch (event.type) {
    case 'REQUEST_INFORMATION':
      return event.request.trim();
    case 'PROVIDE_INFORMATION':
      return event.response.trim();
    case 'DECLINE':
      return event.reason.trim();
    // The worker's id, so the timeline can name who the case went to (a name could change).
    case 'ALLOCATE':
      return event.workerId;
    case 'END_EARLY':
      return `${event.reason}: ${event.detail.trim()}`;
    case 'COMPLETE':
      return event.override ? `Completion recorded by a manager with ${event.attended} of the ${event.needed} sessions the rule asks for: ${event.override.trim()}` : null;
    case 'CLOSE':
      return event.outcome;
    default:
      return null;
  }
}

/** What others did to a case after a given version. */
export function changesSince(db: Executor, referralId: string, version: number): Promise<CaseEventRow[]> {
  return db.selectFrom('case_event').selectAll().where('referral_id', '=', referralId).where('version', '>', version).orderBy('id').execute();
}

export interface TransitionRequest {
  referralId: string;
  /** The version the person saw when they chose this step. */
  expectedVersion: number;
  event: CaseEvent;
  actor: TransitionActor;
  /** Other columns the same step saves (for example the answered form). */
  changes?: DomainChanges;
  /** Further writes in the same transaction (emails to queue, rows of other tables). */
  alsoDo?: (trx: Executor, result: TransitionResult) => Promise<void>;
  now?: Date;
}

export interface TransitionResult {
  referralId: string;
  from: CaseState;
  state: CaseState;
  version: number;
  context: CaseContext;
}

export async function transitionCase(db: Db, request: TransitionRequest): Promise<TransitionResult> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('referral')
      .select(['id', 'state', 'version', 'snapshot', 'machine_version'])
      .where('id', '=', request.referralId)
      .executeTakeFirst();
    if (!row) throw new CaseNotFoundError();
    if (row.version !== request.expectedVersion) {
      throw new CaseConflictError({ version: row.version, state: row.state as CaseState }, await changesSince(trx, row.id, request.expectedVersion));
    }
    const advance = advanceCase(row.snapshot, row.machine_version, request.event);
    if (!advance.accepted) throw new TransitionRefusedError(advance.state, request.event.type);

    const version = row.version + 1;
    const updated = await trx
      .updateTable('referral')
      .set({
        ...request.changes,
        ...domainChanges(request.event, advance.context, now, advance.from),
        snapshot: JSON.stringify(advance.snapshot),
        machine_id: CASE_MACHINE_ID,
        machine_version: CASE_MACHINE_VERSION,
        state: advance.state,
        version,
        updated_at: now,
        ...(request.event.type === 'SUBMIT' ? { first_submitted_at: sql<Date>`coalesce(first_submitted_at, ${now})` } : {}),
      })
      .where('id', '=', row.id)
      .where('version', '=', request.expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('referral').select(['version', 'state']).where('id', '=', row.id).executeTakeFirstOrThrow();
      throw new CaseConflictError({ version: current.version, state: current.state as CaseState }, await changesSince(trx, row.id, request.expectedVersion));
    }
    await trx
      .insertInto('case_event')
      .values({
        referral_id: row.id,
        occurred_at: now,
        actor_staff_user_id: request.actor.staffUserId,
        event: request.event.type,
        from_state: advance.from,
        to_state: advance.state,
        reason: reasonOf(request.event),
        version,
      })
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: `case.${request.event.type.toLowerCase().replace(/_/g, '-')}`,
      object: { type: 'referral', id: row.id },
      outcome: 'success',
      detail: {
        from: advance.from,
        to: advance.state,
        version,
        ...(request.event.type === 'COMPLETE' ? { attended: request.event.attended, needed: request.event.needed, override: Boolean(request.event.override) } : {}),
      },
    });
    const result: TransitionResult = { referralId: row.id, from: advance.from, state: advance.state, version, context: advance.context };
    if (request.alsoDo) await request.alsoDo(trx, result);
    return result;
  });
}

/** A new draft: the first row of a case, with its first snapshot, event and audit row. */
export async function createDraftReferral(db: Db, actor: TransitionActor, now = new Date()): Promise<{ id: string; reference: string; version: number }> {
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('referral')
      .values({
        organisation_id: actor.organisationId!,
        referrer_staff_user_id: actor.staffUserId,
        state: 'draft',
        machine_id: CASE_MACHINE_ID,
        machine_version: CASE_MACHINE_VERSION,
        snapshot: JSON.stringify(newCaseSnapshot()),
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'reference', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_event')
      .values({ referral_id: created.id, occurred_at: now, actor_staff_user_id: actor.staffUserId, event: 'CREATE', from_state: null, to_state: 'draft', version: created.version })
      .execute();
    await recordAudit(trx, { actor, action: 'case.create', object: { type: 'referral', id: created.id }, outcome: 'success' });
    return created;
  });
}
