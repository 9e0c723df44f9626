/**
 * Booking a session from a case: which modules to offer (the assessment while the case
 * is being assessed; then the case's own plan, or the programme's modules if there is no
 * plan yet), how many sessions of each are booked or held, and the booking itself, with
 * a double booking named in words the worker can act on.
 */
import type { Db } from '../../db/connection';
import type { PlanModule, Referral } from '../../db/schema';
import type { Executor } from '../audit/record';
import { currentProgramme, type ProgrammeDefinition } from '../programme/definition';
import { mayUpdate, type CaseViewer } from '../referrals/access';
import { SessionNotAllowedError, SessionNotFoundError, SlotTakenError, type ClashingSession } from './errors';
import type { Booking } from './forms';
import { LIVE_SESSION_STATES, SCHEDULABLE_CASE_STATES, scheduleSession } from './sessions';
import { describeSessionSlot } from './times';

export const ASSESSMENT_MODULE_KEY = 'assessment';

/** A case's plan (if it has one) and the programme in force: where module titles come from. */
export interface CaseModules {
  plan: PlanModule[] | null;
  definition: ProgrammeDefinition;
}

export async function caseModules(db: Executor, referralId: string): Promise<CaseModules> {
  const [{ definition }, plan] = await Promise.all([currentProgramme(db), db.selectFrom('case_plan').select('modules').where('referral_id', '=', referralId).executeTakeFirst()]);
  const stored: unknown = typeof plan?.modules === 'string' ? JSON.parse(plan.modules) : plan?.modules;
  const modules = Array.isArray(stored)
    ? stored.filter((m): m is PlanModule => typeof m === 'object' && m !== null && typeof m.key === 'string' && typeof m.title === 'string' && Number.isInteger(m.sessions))
    : null;
  return { plan: modules?.length ? modules : null, definition };
}

/** A module's title: the plan's, else the programme's, else its key in words. */
export function moduleTitle(modules: CaseModules, key: string): string {
  return (
    modules.plan?.find((m) => m.key === key)?.title ??
    modules.definition.modules.find((m) => m.key === key)?.title ??
    key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ')
  );
}

export interface ModuleOption {
  key: string;
  title: string;
  /** Sessions planned for the module (the plan's, else the programme's). */
  planned: number;
  /** Sessions of the module booked or held so far (not those missed, moved or cancelled). */
  booked: number;
}

/** The modules to offer for a case at this stage, in order. */
export function offeredModules(caseState: string, modules: CaseModules, booked: ReadonlyMap<string, number>): ModuleOption[] {
  const fromDefinition = modules.definition.modules.map((m) => ({ key: m.key, title: m.title, planned: m.plannedSessions }));
  let chosen: Array<Omit<ModuleOption, 'booked'>>;
  if (caseState !== 'in_programme') {
    const assessment = fromDefinition.filter((m) => m.key === ASSESSMENT_MODULE_KEY);
    chosen = assessment.length ? assessment : fromDefinition;
  } else if (modules.plan) {
    chosen = modules.plan.map((m) => ({ key: m.key, title: m.title, planned: m.sessions }));
  } else {
    const work = fromDefinition.filter((m) => m.key !== ASSESSMENT_MODULE_KEY);
    chosen = work.length ? work : fromDefinition;
  }
  return chosen.map((m) => ({ ...m, booked: booked.get(m.key) ?? 0 }));
}

/** The module to suggest: the first with sessions still to book, else the first. */
export const suggestedModule = (options: ModuleOption[]): string | null => (options.find((m) => m.booked < m.planned) ?? options[0])?.key ?? null;

export interface BookingView {
  referralId: string;
  reference: string;
  personName: string | null;
  /** Whether the case is at a stage where sessions can be booked. */
  schedulable: boolean;
  phase: 'assessment' | 'programme';
  workerName: string | null;
  /** The person booking is the worker who will hold the session. */
  bookingForSelf: boolean;
  modules: ModuleOption[];
  suggested: string | null;
  defaultMinutes: number;
}

async function bookedByModule(db: Executor, referralId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('programme_session')
    .select(['module_key', (eb) => eb.fn.countAll<string>().as('count')])
    .where('referral_id', '=', referralId)
    .where('state', 'in', LIVE_SESSION_STATES)
    .groupBy('module_key')
    .execute();
  return new Map(rows.map((row) => [row.module_key, Number(row.count)]));
}

/** What the booking page shows. The case must have been read with readCase. */
export async function bookingView(db: Executor, viewer: CaseViewer, referral: Referral): Promise<BookingView> {
  const [modules, booked, worker] = await Promise.all([
    caseModules(db, referral.id),
    bookedByModule(db, referral.id),
    referral.allocated_worker_id ? db.selectFrom('staff_user').select('full_name').where('id', '=', referral.allocated_worker_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const options = offeredModules(referral.state, modules, booked);
  return {
    referralId: referral.id,
    reference: referral.reference,
    personName: referral.person_name,
    schedulable: (SCHEDULABLE_CASE_STATES as readonly string[]).includes(referral.state),
    phase: referral.state === 'in_programme' ? 'programme' : 'assessment',
    workerName: worker?.full_name ?? null,
    bookingForSelf: referral.allocated_worker_id === viewer.staffUserId,
    modules: options,
    suggested: suggestedModule(options),
    defaultMinutes: modules.definition.sessionMinutes,
  };
}

/** "You already have a session from 14:00 to 15:00 on 3 December (case CH-000123)". */
export async function clashMessage(db: Executor, clash: ClashingSession | null, who: { self: true } | { self: false; name: string }, now: Date): Promise<string> {
  const subject = who.self ? 'You already have' : `${who.name} already has`;
  if (!clash) return `${subject} a session at that time. Choose another time`;
  const referral = await db.selectFrom('referral').select('reference').where('id', '=', clash.referralId).executeTakeFirst();
  return `${subject} a session ${describeSessionSlot(clash.startsAt, clash.endsAt, now)}${referral ? ` (case ${referral.reference})` : ''}`;
}

export type BookResult =
  | { status: 'booked'; id: string; startsAt: Date; endsAt: Date }
  | { status: 'forbidden' }
  /** The case cannot have sessions booked now, in words. */
  | { status: 'refused'; message: string }
  | { status: 'invalid'; field: string; message: string };

/** Books the session the form describes, held by the case's allocated worker. */
export async function bookSession(db: Db, viewer: CaseViewer, referral: Referral, booking: Booking, now = new Date()): Promise<BookResult> {
  if (!mayUpdate(viewer, referral, 'case:update:allocated')) return { status: 'forbidden' };
  const workerId = referral.allocated_worker_id;
  if (!workerId || !(SCHEDULABLE_CASE_STATES as readonly string[]).includes(referral.state)) {
    return { status: 'refused', message: 'Sessions can be booked only for a case that is allocated, being assessed or in the programme.' };
  }
  const actor = { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId };
  try {
    const booked = await scheduleSession(db, { referralId: referral.id, workerId, moduleKey: booking.moduleKey, startsAt: booking.startsAt, minutes: booking.minutes, actor, now });
    return { status: 'booked', id: booked.id, startsAt: booked.startsAt, endsAt: booked.endsAt };
  } catch (error) {
    if (error instanceof SlotTakenError) {
      const self = workerId === viewer.staffUserId;
      const name = self ? '' : ((await db.selectFrom('staff_user').select('full_name').where('id', '=', workerId).executeTakeFirst())?.full_name ?? 'The worker');
      return { status: 'invalid', field: 'time', message: await clashMessage(db, error.clash, self ? { self: true } : { self: false, name }, now) };
    }
    if (error instanceof SessionNotAllowedError) return { status: 'refused', message: error.message };
    if (error instanceof SessionNotFoundError) return { status: 'forbidden' };
    throw error;
  }
}
