/**
 * Whether his plan has been delivered: the sessions he attended against the sessions
 * the programme's rule asks for (a share of those in his signed-off plan). The case
 * machine refuses completion without this, or without a CHOICE manager's reason.
 */
import type { Executor } from '../audit/record';
import { currentProgramme, sessionsNeededToComplete } from '../programme/definition';
import { ATTENDED_SESSION_STATES } from '../reports/facts';

export interface CompletionProgress {
  attended: number;
  /** The sessions in his signed-off plan (0 if it has none). */
  planned: number;
  /** How many of them the programme's rule asks him to attend. */
  needed: number;
  met: boolean;
}

export async function completionProgress(db: Executor, referralId: string): Promise<CompletionProgress> {
  const [{ definition }, plan, attended] = await Promise.all([
    currentProgramme(db),
    db.selectFrom('case_plan').select('modules').where('referral_id', '=', referralId).where('state', '=', 'signed_off').executeTakeFirst(),
    db
      .selectFrom('programme_session')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('referral_id', '=', referralId)
      .where('state', 'in', ATTENDED_SESSION_STATES)
      .executeTakeFirstOrThrow(),
  ]);
  const modules: unknown = typeof plan?.modules === 'string' ? JSON.parse(plan.modules) : plan?.modules;
  const planned = Array.isArray(modules) ? modules.reduce((sum: number, module: { sessions?: unknown } | null) => sum + (Number.isInteger(module?.sessions) ? Number(module!.sessions) : 0), 0) : 0;
  const count = Number(attended.count);
  // With no signed-off plan there is nothing delivered to measure: only an override completes it.
  const needed = planned > 0 ? sessionsNeededToComplete(planned, definition.attendance) : 0;
  return { attended: count, planned, needed, met: needed > 0 && count >= needed };
}

/** Why completion cannot be recorded yet, in words; null when the rule is met. */
export function completionShortfall(progress: CompletionProgress): string | null {
  if (progress.met) return null;
  if (progress.planned === 0) return 'He has no signed-off plan, so no sessions count towards completion';
  const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;
  return `He has attended ${sessions(progress.attended)}. Under the programme’s rule he must attend ${sessions(progress.needed)} of the ${sessions(progress.planned)} in his plan to complete`;
}
