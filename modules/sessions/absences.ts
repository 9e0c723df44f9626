/**
 * Counting a case's absences, for the non-compliance rule (non-compliance.ts) and for
 * the reports that may be prepared (modules/reports).
 */
import type { Executor } from '../audit/record';

/** How many of a case's sessions were missed without an acceptable reason. */
export async function unacceptableAbsences(db: Executor, referralId: string): Promise<number> {
  const { count } = await db
    .selectFrom('programme_session')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('referral_id', '=', referralId)
    .where('state', '=', 'not_attended')
    .where('absence_judgement', '=', 'unacceptable')
    .executeTakeFirstOrThrow();
  return Number(count);
}
