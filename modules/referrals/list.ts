/**
 * The list of referrals a person may see (a referrer: their organisation's; a worker:
 * those allocated to them; a manager: every submitted one), newest change first, 25 a
 * page, with a status filter and a search by reference or name. Every read of the
 * list is one `case.list` audit row: reading a list of cases is reading cases.
 *
 * Pages are keyset pages on (updated_at, id). The query is a UNION ALL of one small
 * query per state, each read in order from an index (referral_organisation_idx,
 * referral_worker_idx or referral_state_idx) and stopped after a page: so a page costs
 * about the same at 1,000 referrals and at 100,000, whoever is looking, and the planner
 * sees each state as a constant it has statistics for.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { containsPattern, searchText } from '../../db/text';
import type { ReferralRoute } from '../../db/schema';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import { onlyVisibleTo, viewerCan, visibilityOf, type CaseViewer } from './access';
import { CASE_STATES, type CaseState } from './case-machine';

export const LIST_PAGE_SIZE = 25;

export const STATUS_GROUPS = ['drafts', 'with-choice', 'needs-attention', 'closed'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

export const GROUP_STATES: Record<StatusGroup, readonly CaseState[]> = {
  drafts: ['draft'],
  'with-choice': ['submitted', 'screening', 'accepted', 'allocated', 'assessment', 'in_programme'],
  'needs-attention': ['more_information_requested'],
  closed: ['declined', 'completed', 'ended_early', 'closed'],
};

/** The groups worth offering this person: only a referrer has drafts. */
export const statusGroupsFor = (viewer: CaseViewer): StatusGroup[] =>
  STATUS_GROUPS.filter((group) => group !== 'drafts' || viewerCan(viewer, 'case:create:own-organisation'));

export interface ListCursor {
  /** 'after': the next (older) page; 'before': the previous (newer) one. */
  direction: 'after' | 'before';
  /** updated_at to the microsecond, as PostgreSQL writes it. */
  at: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const encodeListCursor = (place: { at: string; id: string }) => `${place.at}_${place.id}`;

/** A place in the list from one cursor parameter; null for anything that is not one. */
export function decodeListCursor(value: string | null | undefined, direction: ListCursor['direction']): ListCursor | null {
  const match = CURSOR.exec(value ?? '');
  if (!match) return null;
  const date = new Date(match[1]!);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== match[1]!.slice(0, 19)) return null;
  return { direction, at: match[1]!, id: match[2]!.toLowerCase() };
}

export interface ListQuery {
  status?: StatusGroup;
  /** Part of a reference or of the man's name. */
  q?: string;
  cursor: ListCursor | null;
}

const addressSchema = z.object({
  status: z.enum(STATUS_GROUPS).optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

/** The list's filters and page from the address. Anything odd is ignored rather than refused. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const raw = addressSchema.parse(Object.fromEntries(params));
  return {
    status: raw.status,
    q: searchText(raw.q, 100),
    cursor: decodeListCursor(raw.after, 'after') ?? decodeListCursor(raw.before, 'before'),
  };
}

/** The filters as address parameters, for the paging links that keep them. */
export function listParams(query: Pick<ListQuery, 'status' | 'q'>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.q) params.set('q', query.q);
  return params;
}

export interface ListRow {
  id: string;
  reference: string;
  state: CaseState;
  endReason: string | null;
  personName: string | null;
  route: ReferralRoute | null;
  organisationName: string;
  updatedAt: Date;
  decisionDate: string | null;
  cursor: string;
}

export interface ListPage {
  rows: ListRow[];
  /** Cursors for the "Previous" and "Next" links, when there is something there. */
  previous: string | null;
  next: string | null;
}

/** A whole reference, as people type it: "CH-000123", "ch000123". */
const REFERENCE = /^ch-?(\d{1,9})$/i;

interface Found {
  id: string;
  reference: string;
  state: string;
  end_reason: string | null;
  person_name: string | null;
  route: ReferralRoute | null;
  organisation_name: string;
  updated_at: Date;
  decision_date: string | null;
  at: string;
}

/**
 * The page's query: newest change first (oldest first when paging back), one more row
 * than a page so the caller knows whether there is another. Exported for the scale test.
 */
export function referralListQuery(db: Executor, viewer: CaseViewer, query: ListQuery, pageSize = LIST_PAGE_SIZE): RawBuilder<Found> {
  const { cursor } = query;
  const newestFirst = cursor?.direction !== 'before';
  const order = newestFirst ? sql`DESC` : sql`ASC`;
  const visibility = visibilityOf(viewer);
  // Only the referring organisation ever sees a draft: for anyone else a draft branch would read drafts to show none.
  const states = (query.status ? GROUP_STATES[query.status] : CASE_STATES).filter((state) => state !== 'draft' || visibility === 'organisation');

  /** The referrals this person may see in these states that match the search, one page of them in order. */
  const matching = (inStates: readonly CaseState[]): RawBuilder<Found> => {
    let select = onlyVisibleTo(db.selectFrom('referral'), viewer)
      .select(['referral.id', 'referral.reference', 'referral.state', 'referral.end_reason', 'referral.person_name', 'referral.route', 'referral.organisation_id'])
      .select(['referral.updated_at', 'referral.decision_date'])
      // Constants, so the planner uses what it knows about each state.
      .where(sql<boolean>`referral.state IN (${sql.join(inStates.map((state) => sql.lit(state)))})`);
    if (query.q) {
      const reference = REFERENCE.exec(query.q);
      select = reference
        ? select.where('referral.reference', '=', `CH-${reference[1]!.padStart(6, '0')}`)
        : // The expression of referral_search_idx (a trigram index), word for word.
          select.where(sql<boolean>`(coalesce(referral.person_name, '') || ' ' || referral.reference) ILIKE ${containsPattern(query.q)}`);
    }
    if (cursor) {
      const place = sql`(${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
      select = select.where(sql<boolean>`(referral.updated_at, referral.id) ${newestFirst ? sql`<` : sql`>`} ${place}`);
    }
    return sql<Found>`(${select.orderBy(sql`referral.updated_at ${order}, referral.id ${order}`).limit(pageSize + 1)})`;
  };

  if (!states.length) return sql<Found>`SELECT NULL::uuid AS id WHERE false`;
  // Browsing an organisation's or the whole service's referrals: one branch a state, each read in
  // order from an index and stopped after a page. A worker's own cases are few (a caseload), so
  // one read of referral_worker_idx in order is best; per state, a state they have no case in
  // would read all of them. Searching for 3 characters or more: one query, so the trigram index
  // is read once, not once a state (a shorter search has no trigram to look up: browse for it).
  const single = visibility === 'allocated' || (query.q !== undefined && query.q.length >= 3);
  const page = single ? matching(states) : sql.join(states.map((state) => matching([state])), sql` UNION ALL `);
  return sql<Found>`
    SELECT page.id, page.reference, page.state, page.end_reason, page.person_name, page.route, page.updated_at, page.decision_date,
           organisation.name AS organisation_name,
           to_char(page.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
    FROM (${page}) AS page
    JOIN organisation ON organisation.id = page.organisation_id
    ORDER BY page.updated_at ${order}, page.id ${order}
    LIMIT ${pageSize + 1}`;
}

export async function listReferrals(db: Executor, viewer: CaseViewer, actor: AuditActor, query: ListQuery, pageSize = LIST_PAGE_SIZE): Promise<ListPage> {
  const { cursor } = query;
  const newestFirst = cursor?.direction !== 'before';
  const found = await referralListQuery(db, viewer, query, pageSize).execute(db);

  const more = found.rows.length > pageSize;
  const rows: ListRow[] = found.rows.slice(0, pageSize).map((row) => ({
    id: row.id,
    reference: row.reference,
    state: row.state as CaseState,
    endReason: row.end_reason,
    personName: row.person_name,
    route: row.route,
    organisationName: row.organisation_name,
    updatedAt: row.updated_at,
    decisionDate: row.decision_date,
    cursor: encodeListCursor({ at: row.at, id: row.id }),
  }));
  if (!newestFirst) rows.reverse();
  const first = rows[0]?.cursor ?? null;
  const last = rows.at(-1)?.cursor ?? null;
  const links = !cursor
    ? { previous: null, next: more ? last : null }
    : cursor.direction === 'after'
      ? { previous: first, next: more ? last : null }
      : { previous: more ? first : null, next: last };

  // The search words are not recorded: they may be a man's name.
  await recordAudit(db, {
    actor,
    action: 'case.list',
    outcome: 'success',
    detail: { view: 'referrals', rows: rows.length, status: query.status ?? 'all', searched: !!query.q, page: cursor?.direction ?? 'first' },
  });
  return { rows, ...links };
}
