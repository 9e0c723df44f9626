/**
 * The facts a report may state, read from the case: who he is and how he was referred,
 * the worker, the programme in force and his individual plan, and his attendance. The
 * queries name every column they read, so a worker's private notes, the concerns
 * recorded at a session, the assessment and the referral's risk information can never
 * find their way into a report, even by a later change to a `selectAll`.
 */
import type { PlanModule, ReferralRoute } from '../../db/schema';
import type { Executor } from '../audit/record';
import { currentProgramme } from '../programme/definition';
import { END_EARLY_REASONS, type EndEarlyReason } from '../referrals/case-machine';
import { dayInScotland } from '../referrals/dates';
import type { ReportAbsence, ReportFacts, ReportModule } from './report-content';
import { ReportNotAllowedError, ReportNotFoundError } from './errors';

/** Session states in which he was there. */
export const ATTENDED_SESSION_STATES = ['attended', 'notes_recorded', 'signed_off'] as const;

const isEndReason = (value: string | null): value is EndEarlyReason => value !== null && (END_EARLY_REASONS as readonly string[]).includes(value);

function planModules(stored: unknown): PlanModule[] {
  const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is PlanModule =>
      typeof item === 'object' && item !== null && typeof item.key === 'string' && typeof item.title === 'string' && Number.isInteger(item.sessions) && item.sessions > 0,
  );
}

export async function reportFactsFor(db: Executor, referralId: string, now: Date = new Date()): Promise<ReportFacts> {
  const referral = await db
    .selectFrom('referral')
    .innerJoin('organisation', 'organisation.id', 'referral.organisation_id')
    .leftJoin('staff_user as worker', 'worker.id', 'referral.allocated_worker_id')
    .select([
      'referral.reference',
      'referral.person_name',
      'referral.person_date_of_birth',
      'referral.route',
      'referral.decision_date',
      'referral.end_reason',
      'organisation.name as organisation_name',
      'worker.full_name as worker_name',
      'worker.email as worker_email',
    ])
    .where('referral.id', '=', referralId)
    .executeTakeFirst();
  if (!referral) throw new ReportNotFoundError();
  // A referral cannot be sent without a route, so only a draft lacks one: drafts have no reports.
  if (!referral.route) throw new ReportNotAllowedError('This referral has no route yet, so no report can be written for it.');
  const route: ReferralRoute = referral.route;

  const [{ definition }, plan, sessions, ended] = await Promise.all([
    currentProgramme(db),
    db.selectFrom('case_plan').select('modules').where('referral_id', '=', referralId).executeTakeFirst(),
    db
      .selectFrom('programme_session')
      .select(['module_key', 'starts_at', 'state', 'absence_judgement'])
      .where('referral_id', '=', referralId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('case_event')
      .select(['occurred_at', 'event', 'reason'])
      .where('referral_id', '=', referralId)
      .where('to_state', 'in', ['completed', 'ended_early'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);

  const attended = sessions.filter((session) => (ATTENDED_SESSION_STATES as readonly string[]).includes(session.state));
  const absences: ReportAbsence[] = sessions
    .filter((session) => session.state === 'not_attended' && session.absence_judgement !== null)
    .map((session) => ({ date: dayInScotland(session.starts_at), acceptable: session.absence_judgement === 'acceptable' }));
  const modulesCovered = [...new Set(attended.map((session) => session.module_key))];

  const definitionModules: ReportModule[] = definition.modules.map(({ key, title, plannedSessions }) => ({ key, title, plannedSessions }));
  const planned = plan ? planModules(plan.modules) : [];
  // His own plan when there is one; a module he worked on outside it is still named by its title.
  const modules: ReportModule[] = planned.length
    ? [
        ...planned.map(({ key, title, sessions }) => ({ key, title, plannedSessions: sessions })),
        ...definitionModules.filter((module) => modulesCovered.includes(module.key) && !planned.some((p) => p.key === module.key)),
      ]
    : definitionModules;
  const plannedSessions = planned.length
    ? planned.reduce((sum, module) => sum + module.sessions, 0)
    : definitionModules.reduce((sum, module) => sum + module.plannedSessions, 0);

  return {
    reference: referral.reference,
    route,
    referrerOrganisation: referral.organisation_name,
    personName: referral.person_name?.trim() || 'Name not given',
    dateOfBirth: referral.person_date_of_birth,
    decisionDate: referral.decision_date,
    programme: { label: definition.label, modules, reportTemplates: definition.reportTemplates },
    serviceContact: definition.contact.phone || definition.contact.email || definition.contact.address ? definition.contact : null,
    sessions: {
      attended: attended.length,
      planned: plannedSessions,
      absences,
      modulesCovered,
      firstSessionDate: attended.length ? dayInScotland(attended[0]!.starts_at) : null,
      lastSessionDate: attended.length ? dayInScotland(attended[attended.length - 1]!.starts_at) : null,
    },
    endReason: isEndReason(referral.end_reason) ? referral.end_reason : null,
    endedOn: ended ? dayInScotland(ended.occurred_at) : null,
    workerName: referral.worker_name ?? 'the CHOICE service',
    workerEmail: referral.worker_email ?? null,
    // The end step stores "reason: what happened"; the report gives what happened in the worker's words.
    endDetail: ended?.event === 'END_EARLY' && ended.reason?.includes(': ') ? ended.reason.slice(ended.reason.indexOf(': ') + 2) : null,
    generatedOn: dayInScotland(now),
  };
}
