/**
 * Reading the audit log: filters from the address, keyset pages newest first on
 * (occurred_at, id), and the few events about one object for its page's timeline.
 * Who is shown by name and organisation only: a manager reading the log sees what
 * happened, not administrators' account details.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { containsPattern, searchText } from '../../db/text';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../db/schema';
import type { Executor } from './record';

/** The families of actions, chosen in the filter by their first part (`sign-in` finds `sign-in.password` too). */
export const AUDIT_ACTION_GROUPS = [
  'sign-in',
  'sign-out',
  'two-factor',
  'password-reset',
  'invitation',
  'access',
  'organisation',
  'staff',
  'audit',
  'case',
  'assessment',
  'plan',
  'session',
  'diary',
  'report',
  'programme',
] as const;
export const AUDIT_OBJECT_TYPES = ['staff_user', 'organisation', 'permission', 'referral', 'programme_session', 'report', 'programme_definition'] as const;
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action?: string;
  outcome?: AuditOutcome;
  /** Part of the email address of the person who acted. */
  actor?: string;
  objectType?: string;
  objectId?: string;
  /** Whole days in Scotland, `YYYY-MM-DD`, both included. */
  from?: string;
  to?: string;
}

/** A place in the log: the time to the microsecond (as PostgreSQL writes it) and the id. */
export interface AuditCursor {
  direction: 'older' | 'newer';
  at: string;
  id: number;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,15})$/;

const sameInstant = (iso: string) => {
  const date = new Date(iso);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === iso.slice(0, 19);
};

export function parseCursor(value: string | undefined, direction: AuditCursor['direction']): AuditCursor | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match || !sameInstant(match[1]!)) return null;
  return { direction, at: match[1]!, id: Number(match[2]) };
}

/** `23/11/2026`, `23-11-2026` or `2026-11-23` as `2026-11-23`, if it is a real day. */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const [year, month, day] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!year || !month || !day) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso && Number(year) >= 2000 ? iso : null;
}

const querySchema = z.object({
  action: z.enum(AUDIT_ACTION_GROUPS).optional().catch(undefined),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  actor: z.string().optional().catch(undefined),
  objectType: z
    .string()
    .regex(/^[a-z][a-z_-]{0,39}$/)
    .optional()
    .catch(undefined),
  objectId: z.string().optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  older: z.string().optional().catch(undefined),
  newer: z.string().optional().catch(undefined),
});

export interface AuditQuery {
  filters: AuditFilters;
  cursor: AuditCursor | null;
  /** Field messages for the filter form (dates it cannot read). */
  errors: Record<string, string>;
  /** What was typed, to show in the filter form again. */
  values: Record<string, string>;
}

/** The filters and page from the address. Unknown choices are ignored; unreadable dates are messages. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const raw = querySchema.parse(Object.fromEntries(params));
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  const filters: AuditFilters = { action: raw.action, outcome: raw.outcome, objectType: raw.objectType };
  filters.actor = searchText(raw.actor, 320);
  filters.objectId = searchText(raw.objectId, 200);
  for (const key of ['action', 'outcome', 'actor', 'objectType', 'objectId'] as const) if (filters[key]) values[key] = filters[key]!;
  for (const key of ['from', 'to'] as const) {
    const typed = searchText(raw[key], 40);
    if (!typed) continue;
    values[key] = typed;
    const day = parseDay(typed);
    if (day) filters[key] = day;
    else errors[key] = `Enter the ${key === 'from' ? 'first' : 'last'} day as a real date, like 23/11/2026`;
  }
  if (filters.from && filters.to && filters.to < filters.from) errors.to = 'The last day must be the same as or after the first day';
  const cursor = parseCursor(raw.older, 'older') ?? parseCursor(raw.newer, 'newer');
  return { filters, cursor, errors, values };
}

/** The filters as address parameters, for links (paging, export) that keep them. */
export function filterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

/** The events that match, with who acted and what the object is called, unordered. */
export function matchingEvents(db: Executor, filters: AuditFilters) {
  let query = db
    .selectFrom('audit_event')
    .leftJoin('staff_user as actor', 'actor.id', 'audit_event.actor_staff_user_id')
    .leftJoin('organisation as actor_organisation', 'actor_organisation.id', 'audit_event.actor_organisation_id')
    .leftJoin('staff_user as object_user', (join) => join.on('audit_event.object_type', '=', 'staff_user').on(sql<boolean>`object_user.id::text = audit_event.object_id`))
    .leftJoin('organisation as object_organisation', (join) =>
      join.on('audit_event.object_type', '=', 'organisation').on(sql<boolean>`object_organisation.id::text = audit_event.object_id`),
    )
    .select([
      'audit_event.id',
      'audit_event.occurred_at',
      'audit_event.action',
      'audit_event.object_type',
      'audit_event.object_id',
      'audit_event.outcome',
      'audit_event.detail',
      'actor.full_name as actor_name',
      'actor_organisation.name as actor_organisation',
    ])
    .select(sql<string | null>`coalesce(object_user.full_name, object_organisation.name)`.as('object_label'))
    .select(sql<string>`to_char(audit_event.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at'));
  if (filters.action) {
    const group = filters.action;
    query = query.where((eb) => eb.or([eb('audit_event.action', '=', group), eb('audit_event.action', 'like', `${group}.%`)]));
  }
  if (filters.outcome) query = query.where('audit_event.outcome', '=', filters.outcome);
  if (filters.actor) query = query.where('actor.email', 'ilike', containsPattern(filters.actor));
  if (filters.objectType) query = query.where('audit_event.object_type', '=', filters.objectType);
  if (filters.objectId) query = query.where('audit_event.object_id', '=', filters.objectId);
  if (filters.from) query = query.where('audit_event.occurred_at', '>=', sql<Date>`(${filters.from}::date)::timestamp AT TIME ZONE 'Europe/London'`);
  if (filters.to) query = query.where('audit_event.occurred_at', '<', sql<Date>`(${filters.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London'`);
  return query;
}

export interface AuditRow {
  id: number;
  occurredAt: Date;
  actorName: string | null;
  actorOrganisation: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  /** The name of the staff member or organisation the event is about, if it is one. */
  objectLabel: string | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown> | null;
  /** This row's place, for the next page's link. */
  cursor: string;
}

type MatchingRow = Awaited<ReturnType<ReturnType<typeof matchingEvents>['execute']>>[number];

export const toAuditRow = (row: MatchingRow): AuditRow => ({
  id: row.id,
  occurredAt: row.occurred_at,
  actorName: row.actor_name,
  actorOrganisation: row.actor_organisation,
  action: row.action,
  objectType: row.object_type,
  objectId: row.object_id,
  objectLabel: row.object_label,
  outcome: row.outcome,
  detail: row.detail,
  cursor: `${row.at}_${row.id}`,
});

export interface AuditPage {
  rows: AuditRow[];
  /** Where the "Newer" and "Older" links go, if there is anything there. */
  newer: string | null;
  older: string | null;
}

export async function searchAuditLog(db: Executor, filters: AuditFilters, cursor: AuditCursor | null, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  let query = matchingEvents(db, filters);
  if (cursor) {
    const place = sql`(${cursor.at}::timestamptz, ${cursor.id}::bigint)`;
    query = query.where(sql<boolean>`(audit_event.occurred_at, audit_event.id) ${cursor.direction === 'older' ? sql`<` : sql`>`} ${place}`);
  }
  const newestFirst = cursor?.direction !== 'newer';
  const direction = newestFirst ? 'desc' : 'asc';
  const found = await query.orderBy('audit_event.occurred_at', direction).orderBy('audit_event.id', direction).limit(pageSize + 1).execute();
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize).map(toAuditRow);
  if (!newestFirst) rows.reverse();
  const first = rows[0]?.cursor ?? null;
  const last = rows.at(-1)?.cursor ?? null;
  // Going back: the page came from the older side, so there is always something older.
  if (!cursor) return { rows, newer: null, older: more ? last : null };
  if (cursor.direction === 'older') return { rows, newer: first, older: more ? last : null };
  return { rows, newer: more ? first : null, older: last };
}

/** The latest events about one object, newest first: the timeline on its page. */
export async function eventsAbout(db: Executor, objectType: string, objectId: string, limit = 20): Promise<AuditRow[]> {
  const rows = await matchingEvents(db, { objectType, objectId }).orderBy('audit_event.occurred_at', 'desc').orderBy('audit_event.id', 'desc').limit(limit).execute();
  return rows.map(toAuditRow);
}
