/**
 * A worker's diary: their sessions in a bounded time range, oldest first, read by the
 * (worker_id, starts_at, id) index. A long range is read a page at a time by passing
 * the last row's start and id as `after` (keyset), never by offset.
 */
import type { Executor } from '../audit/record';
import type { SessionState } from './session-machine';

export const DIARY_PAGE_SIZE = 200;

export interface DiaryEntry {
  id: string;
  referralId: string;
  reference: string;
  moduleKey: string;
  startsAt: Date;
  endsAt: Date;
  state: SessionState;
  version: number;
}

export interface DiaryOptions {
  after?: { startsAt: Date; id: string };
  limit?: number;
}

/** Sessions starting in [from, to). Notes are not read: the diary shows times and references only. */
export async function workerDiary(db: Executor, workerId: string, from: Date, to: Date, options: DiaryOptions = {}): Promise<DiaryEntry[]> {
  const limit = Math.min(Math.max(1, options.limit ?? DIARY_PAGE_SIZE), DIARY_PAGE_SIZE);
  let query = db
    .selectFrom('programme_session')
    .innerJoin('referral', 'referral.id', 'programme_session.referral_id')
    .select([
      'programme_session.id',
      'programme_session.referral_id',
      'referral.reference',
      'programme_session.module_key',
      'programme_session.starts_at',
      'programme_session.ends_at',
      'programme_session.state',
      'programme_session.version',
    ])
    .where('programme_session.worker_id', '=', workerId)
    .where('programme_session.starts_at', '>=', from)
    .where('programme_session.starts_at', '<', to);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('programme_session.starts_at', '>', after.startsAt), eb.and([eb('programme_session.starts_at', '=', after.startsAt), eb('programme_session.id', '>', after.id)])]),
    );
  }
  const rows = await query.orderBy('programme_session.starts_at').orderBy('programme_session.id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    referralId: row.referral_id,
    reference: row.reference,
    moduleKey: row.module_key,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    state: row.state as SessionState,
    version: row.version,
  }));
}
