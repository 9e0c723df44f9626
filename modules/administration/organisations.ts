/**
 * Organisations: the fiscal's offices, justice social work teams and the CHOICE
 * service. Each change is one transaction with its audit row. Deactivating an
 * organisation ends the sessions of all its staff at once (and findSession refuses
 * any session of a deactivated organisation from then on).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { OrganisationKind } from '../../db/schema';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import type { NewOrganisationInput } from './forms';
import { isUniqueViolation } from './unique';
import { nextUpdatedAt, versionOf } from './version';

export const ORGANISATION_SORTS = ['name', 'kind', 'staff', 'status'] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  active: boolean;
  activeStaff: number;
}

const activeStaff = sql<number>`(SELECT count(*) FROM staff_user WHERE staff_user.organisation_id = organisation.id AND staff_user.active)::int`;

export async function listOrganisations(db: Executor, sort: OrganisationSort = 'name', order: SortOrder = 'asc'): Promise<OrganisationSummary[]> {
  const column = { name: sql`lower(organisation.name)`, kind: sql`organisation.kind`, staff: sql`active_staff`, status: sql`organisation.active` }[sort];
  const direction = order === 'desc' ? sql`desc` : sql`asc`;
  const rows = await db
    .selectFrom('organisation')
    .select(['organisation.id', 'organisation.name', 'organisation.kind', 'organisation.active'])
    .select(activeStaff.as('active_staff'))
    .orderBy(sql`${column} ${direction}`)
    .orderBy('organisation.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, active: row.active, activeStaff: row.active_staff }));
}

/** Organisations to choose from: the active ones (to invite someone), or all (to filter a list). */
export function organisationChoices(db: Executor, options: { includeInactive?: boolean } = {}) {
  let query = db.selectFrom('organisation').select(['id', 'name', 'kind', 'active']);
  if (!options.includeInactive) query = query.where('active', '=', true);
  return query.orderBy(sql`lower(name)`).orderBy('id').execute();
}

export interface OrganisationDetails extends OrganisationSummary {
  version: string;
  createdAt: Date;
  allStaff: number;
}

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationDetails | null> {
  const row = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'kind', 'active', 'created_at'])
    .select(versionOf('organisation.updated_at').as('version'))
    .select(activeStaff.as('active_staff'))
    .select(sql<number>`(SELECT count(*) FROM staff_user WHERE staff_user.organisation_id = organisation.id)::int`.as('all_staff'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, name: row.name, kind: row.kind, active: row.active, activeStaff: row.active_staff, allStaff: row.all_staff, version: row.version, createdAt: row.created_at };
}

export type CreateOrganisationResult = { status: 'created'; id: string } | { status: 'name-taken' };

export async function createOrganisation(db: Db, actor: AuditActor, input: NewOrganisationInput): Promise<CreateOrganisationResult> {
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('organisation')
      .values({ name: input.name, kind: input.kind })
      .onConflict((oc) => oc.expression(sql`lower(name)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) return { status: 'name-taken' as const };
    await recordAudit(trx, { actor, action: 'organisation.create', object: { type: 'organisation', id: created.id }, outcome: 'success', detail: { kind: input.kind } });
    return { status: 'created' as const, id: created.id };
  });
}

export type RenameResult =
  | { status: 'renamed' }
  | { status: 'not-found' }
  | { status: 'name-taken' }
  /** Someone else changed it since the page was loaded: what it is now. */
  | { status: 'changed-by-someone-else'; current: OrganisationDetails };

export async function renameOrganisation(db: Db, actor: AuditActor, id: string, input: { name: string; version: string }): Promise<RenameResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('organisation').select('name').select(versionOf('updated_at').as('version')).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) return { status: 'not-found' as const };
      if (before.version !== input.version) return { status: 'changed-by-someone-else' as const, current: (await findOrganisation(trx, id))! };
      if (before.name === input.name) return { status: 'renamed' as const };
      const taken = await trx.selectFrom('organisation').select('id').where(sql`lower(name)`, '=', sql<string>`lower(${input.name})`).where('id', '<>', id).executeTakeFirst();
      if (taken) return { status: 'name-taken' as const };
      await trx.updateTable('organisation').set({ name: input.name, updated_at: nextUpdatedAt() }).where('id', '=', id).execute();
      await recordAudit(trx, { actor, action: 'organisation.rename', object: { type: 'organisation', id }, outcome: 'success', detail: { from: before.name, to: input.name } });
      return { status: 'renamed' as const };
    });
  } catch (error) {
    // Two renames to the same new name at the same moment: the index decides.
    if (isUniqueViolation(error, 'organisation_name_key')) return { status: 'name-taken' };
    throw error;
  }
}

export type ActiveChangeResult =
  | { status: 'done'; sessionsEnded: number }
  | { status: 'not-found' }
  /** Someone else already made the same change. */
  | { status: 'already' }
  | { status: 'own-organisation' };

/** Deactivates or reactivates an organisation; deactivating ends every session of its staff. */
export async function setOrganisationActive(db: Db, actor: AuditActor, id: string, active: boolean): Promise<ActiveChangeResult> {
  if (!active && actor.organisationId === id) return { status: 'own-organisation' };
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('organisation').select('active').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) return { status: 'not-found' as const };
    if (row.active === active) return { status: 'already' as const };
    await trx.updateTable('organisation').set({ active, updated_at: nextUpdatedAt() }).where('id', '=', id).execute();
    const ended = active
      ? 0
      : Number(
          (
            await trx
              .deleteFrom('staff_session')
              .where('staff_user_id', 'in', (eb) => eb.selectFrom('staff_user').select('id').where('organisation_id', '=', id))
              .executeTakeFirst()
          ).numDeletedRows,
        );
    await recordAudit(trx, {
      actor,
      action: active ? 'organisation.reactivate' : 'organisation.deactivate',
      object: { type: 'organisation', id },
      outcome: 'success',
      detail: active ? undefined : { sessionsEnded: ended },
    });
    return { status: 'done' as const, sessionsEnded: ended };
  });
}
