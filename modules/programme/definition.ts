/**
 * The CHOICE programme as configuration: its modules and planned sessions, the length
 * of a session, the non-compliance rule, the attendance that completion needs, how long
 * a worker may correct an attendance record, and the report templates. CHOICE's real
 * content is Sacro's and not public, so none of it is a fact in code: a manager edits
 * it, each save is a new version (the newest is in force), and every environment
 * starts with the clearly labelled default below.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import { HIDDEN_CHARACTERS } from '../../db/text';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';

export const MODULE_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_MODULES = 30;
export const TEMPLATE_MAX_LENGTH = 5_000;

const noNul = (value: string) => !value.includes('\u0000');

const line = (missing: string, what: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${what} must be ${max} characters or fewer`)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), `${what} must not contain tabs, line breaks or other hidden characters`);

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${what} as a number` })
    .int(`Enter ${what} as a whole number`)
    .min(min, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${min} or more`)
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} or fewer`);

const template = (what: string) =>
  z
    .string({ error: `Enter the ${what} template` })
    .trim()
    .min(1, `Enter the ${what} template`)
    .max(TEMPLATE_MAX_LENGTH, `The ${what} template must be ${TEMPLATE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`)
    .refine(noNul, `The ${what} template must not contain hidden characters`);

export const END_BEFORE_WARNING = 'The referrer is told after the warning: enter the same number as the warning or more';

export const programmeModuleSchema = z.object({
  key: z.string().regex(MODULE_KEY_PATTERN, 'A module key is lower-case letters, numbers and hyphens').max(60),
  title: line('Enter the title of the module', 'The title', 120),
  plannedSessions: whole('the planned number of sessions', 1, 52),
  summary: z.string().trim().max(1_000, 'The summary must be 1,000 characters or fewer').refine(noNul, 'The summary must not contain hidden characters'),
});

export const programmeDefinitionSchema = z
  .object({
    label: line('Enter a name for this version of the programme', 'The name', 200),
    modules: z.array(programmeModuleSchema).min(1, 'The programme needs at least one module').max(MAX_MODULES, `The programme can have up to ${MAX_MODULES} modules`),
    sessionMinutes: whole('the length of a session in minutes', 15, 240),
    nonCompliance: z.object({
      warningAfterUnacceptableAbsences: whole('the number of unacceptable absences before a warning', 1, 20),
      endAfterUnacceptableAbsences: whole('the number of unacceptable absences before the referrer is told', 1, 20),
    }),
    // Versions saved before these settings existed read as the default.
    attendance: z
      .object({
        completionPercent: whole('the share of planned sessions he must attend to complete, as a percentage', 1, 100),
        workerCorrectionDays: whole('the number of days a worker may correct an attendance record', 0, 90),
      })
      .default({ completionPercent: 100, workerCorrectionDays: 7 }),
    // How a referrer reaches the service, printed in every report; none until the service enters its own.
    contact: z
      .object({
        phone: z.string().trim().max(40, 'The phone number must be 40 characters or fewer').regex(/^[0-9 +()-]*$/, 'Enter a phone number using numbers and spaces, like 0131 496 0000'),
        email: z
          .string()
          .trim()
          .max(200, 'The email address must be 200 characters or fewer')
          .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'Enter an email address in the right format, like choice@example.org'),
        address: z.string().trim().max(500, 'The address must be 500 characters or fewer').refine(noNul, 'The address must not contain hidden characters'),
      })
      .default({ phone: '', email: '', address: '' }),
    reportTemplates: z.object({
      programmeStart: template('programme start report'),
      nonCompliance: template('non-compliance report'),
      progressReview: template('progress review'),
      completion: template('completion report'),
    }),
  })
  .superRefine((definition, context) => {
    const { warningAfterUnacceptableAbsences: warning, endAfterUnacceptableAbsences: end } = definition.nonCompliance;
    if (end < warning) {
      context.addIssue({
        code: 'custom',
        path: ['nonCompliance', 'endAfterUnacceptableAbsences'],
        message: END_BEFORE_WARNING,
      });
    }
    const seen = new Set<string>();
    definition.modules.forEach((module, index) => {
      if (seen.has(module.key)) context.addIssue({ code: 'custom', path: ['modules', index, 'key'], message: 'Two modules have the same key' });
      seen.add(module.key);
    });
  });

export type ProgrammeDefinition = z.output<typeof programmeDefinitionSchema>;
export type ProgrammeModule = ProgrammeDefinition['modules'][number];

export const DEFAULT_PROGRAMME_LABEL = "Default set by the platform team, not Sacro's programme: change it to match the service";

const moduleOf = (key: string, title: string, plannedSessions: number, summary: string): ProgrammeModule => ({ key, title, plannedSessions, summary });

/**
 * A starting point only. The modules follow the shape DESIGN.md describes for a
 * one-to-one programme for men with non-contact offences; the numbers are guesses to
 * be replaced by the service's own.
 */
export const DEFAULT_PROGRAMME: ProgrammeDefinition = {
  label: DEFAULT_PROGRAMME_LABEL,
  modules: [
    moduleOf('assessment', 'Assessment', 2, 'Getting to know him, his circumstances and what brought him here; agreeing how the work will go.'),
    moduleOf('motivation', 'Motivation', 2, 'Why change matters to him, and what might get in the way.'),
    moduleOf('understanding-the-offending', 'Understanding the offending', 3, 'How the offending started and developed, and what kept it going.'),
    moduleOf('thinking-and-permission-giving', 'Thinking and permission-giving', 3, 'The thoughts that made the offending seem acceptable, and how to challenge them.'),
    moduleOf('impact-on-children', 'Impact on children', 2, 'The real children in the images, and the harm their abuse and its viewing cause.'),
    moduleOf('internet-use-and-triggers', 'Internet use and triggers', 3, 'Patterns of internet use, the situations and feelings that lead to offending, and practical controls.'),
    moduleOf('emotions-and-coping', 'Emotions and coping', 2, 'Recognising difficult feelings and finding healthier ways to cope.'),
    moduleOf('relationships-and-sexuality', 'Relationships and sexuality', 2, 'Intimacy, loneliness and healthy adult relationships.'),
    moduleOf('relapse-prevention-and-safety-planning', 'Relapse prevention and safety planning', 3, 'Warning signs, risky situations and a written plan for staying safe.'),
    moduleOf('a-good-life-and-future-plans', 'A good life and future plans', 2, 'What a good life looks like for him, and the steps towards it.'),
  ],
  sessionMinutes: 60,
  nonCompliance: { warningAfterUnacceptableAbsences: 2, endAfterUnacceptableAbsences: 3 },
  // Every planned session attended (an acceptable absence is booked again), and a week to put a mis-click right.
  attendance: { completionPercent: 100, workerCorrectionDays: 7 },
  // Not the platform team's to invent: the service enters its own on the Programme page.
  contact: { phone: '', email: '', address: '' },
  reportTemplates: {
    programmeStart: 'Referral {reference}: {name} started the CHOICE programme on {startDate}. {plannedSessions} sessions are planned. The next report will follow at the progress review.',
    nonCompliance:
      'Referral {reference}: {name} has had {unacceptableAbsences} from CHOICE sessions, the last on {lastAbsence}. Under the programme rules this is reported to you as non-compliance.',
    progressReview: 'Referral {reference}: progress review for {name} on {reviewDate}. Sessions attended: {attended} of {planned}. Modules completed: {modulesCompleted}.',
    completion: 'Referral {reference}: {name} completed the CHOICE programme on {completionDate}, attending {attended} sessions.',
  },
};

export interface ProgrammeVersion {
  version: number;
  definition: ProgrammeDefinition;
  createdAt: Date | null;
  createdByName: string | null;
}

export class ProgrammeDefinitionError extends Error {
  constructor(version: number, problem: string) {
    super(`Version ${version} of the programme definition cannot be read: ${problem}`);
    this.name = 'ProgrammeDefinitionError';
  }
}

function readDefinition(version: number, stored: unknown): ProgrammeDefinition {
  const parsed = programmeDefinitionSchema.safeParse(typeof stored === 'string' ? JSON.parse(stored) : stored);
  if (!parsed.success) throw new ProgrammeDefinitionError(version, parsed.error.issues[0]?.message ?? 'it does not have the expected shape');
  return parsed.data;
}

/** The programme in force: the newest saved version, or the default (as version 0) if none is saved yet. */
export async function currentProgramme(db: Executor): Promise<ProgrammeVersion> {
  const row = await db
    .selectFrom('programme_definition')
    .leftJoin('staff_user', 'staff_user.id', 'programme_definition.created_by_staff_user_id')
    .select(['programme_definition.version', 'programme_definition.definition', 'programme_definition.created_at', 'staff_user.full_name'])
    .orderBy('programme_definition.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, definition: DEFAULT_PROGRAMME, createdAt: null, createdByName: null };
  return { version: row.version, definition: readDefinition(row.version, row.definition), createdAt: row.created_at, createdByName: row.full_name };
}

export interface ProgrammeHistoryEntry {
  version: number;
  label: string;
  createdAt: Date;
  createdByName: string | null;
  createdByOrganisation: string | null;
}

/** Every saved version, newest first, with who saved it. */
export async function programmeHistory(db: Executor, limit = 50): Promise<ProgrammeHistoryEntry[]> {
  const rows = await db
    .selectFrom('programme_definition')
    .leftJoin('staff_user', 'staff_user.id', 'programme_definition.created_by_staff_user_id')
    .leftJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select(['programme_definition.version', 'programme_definition.created_at', 'staff_user.full_name', 'organisation.name as organisation_name'])
    .select(sql<string>`programme_definition.definition ->> 'label'`.as('label'))
    .orderBy('programme_definition.version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    version: row.version,
    label: row.label,
    createdAt: row.created_at,
    createdByName: row.full_name,
    createdByOrganisation: row.organisation_name,
  }));
}

/** Makes sure version 1 (the default) exists. Run after migrations in every environment. */
export async function ensureProgrammeDefinition(db: Executor): Promise<boolean> {
  const result = await sql`
    INSERT INTO programme_definition (version, definition)
    SELECT 1, ${JSON.stringify(DEFAULT_PROGRAMME)}::jsonb
    WHERE NOT EXISTS (SELECT 1 FROM programme_definition)
    ON CONFLICT (version) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export type SaveProgrammeResult = { status: 'saved'; version: number } | { status: 'conflict'; current: ProgrammeVersion };

/**
 * Saves a new version, if the newest is still the one the manager started from. Two
 * managers saving from the same version: the first wins, and the second is told
 * (by the check here, or by the primary key when both check at once).
 */
export async function saveProgramme(db: Db, actor: AuditActor & { staffUserId: string }, definition: ProgrammeDefinition, expectedVersion: number): Promise<SaveProgrammeResult> {
  const checked = programmeDefinitionSchema.parse(definition);
  try {
    return await db.transaction().execute(async (trx) => {
      const newest = await trx.selectFrom('programme_definition').select(sql<number | null>`max(version)`.as('version')).executeTakeFirstOrThrow();
      if ((newest.version ?? 0) !== expectedVersion) throw new StaleProgrammeError();
      const version = expectedVersion + 1;
      await trx.insertInto('programme_definition').values({ version, definition: JSON.stringify(checked), created_by_staff_user_id: actor.staffUserId }).execute();
      await recordAudit(trx, { actor, action: 'programme.update', object: { type: 'programme_definition', id: String(version) }, outcome: 'success', detail: { version, modules: checked.modules.length } });
      return { status: 'saved' as const, version };
    });
  } catch (error) {
    if (error instanceof StaleProgrammeError || isUniqueViolation(error)) return { status: 'conflict', current: await currentProgramme(db) };
    throw error;
  }
}

class StaleProgrammeError extends Error {}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** How many sessions he must attend to complete a plan of this many sessions, under the programme's rule. */
export function sessionsNeededToComplete(plannedSessions: number, attendance: ProgrammeDefinition['attendance']): number {
  return Math.max(1, Math.ceil((plannedSessions * attendance.completionPercent) / 100));
}
