/**
 * The worker's diary page: one week (Monday to Sunday in Scotland) of a worker's
 * sessions grouped by day, and what still needs them. A worker sees their own diary; a
 * manager of the CHOICE service may choose any worker of the service. What the address
 * asks for is read here: anything it cannot use becomes a message for the page (and
 * the page shows this week, or the person's own diary, instead), never an error.
 *
 * The man's name and the link to his case are shown only where the viewer may see the
 * case (readCase's rule): a worker's old sessions of a case since moved to someone
 * else show the reference alone. Every read is one `diary.read` audit row.
 */
import { z } from 'zod';
import { searchText } from '../../db/text';
import { parseDay } from '../audit/search';
import { recordAudit, type Executor } from '../audit/record';
import { currentProgramme } from '../programme/definition';
import { visibilityOf, type CaseViewer } from '../referrals/access';
import { dayInScotland } from '../referrals/dates';
import type { TagColour } from '../referrals/status';
import { addDays, daysOfWeek, formatTime, formatWeekday, formatWeekRange, isoWeekOf, mondayOf, mondayOfIsoWeek, startOfDayInScotland } from './calendar';
import { diaryAttention, workerDiaryPage, type AttentionReason, type DiaryEntry, type DiaryPlace } from './diary';
import { sessionStatus } from './status';
import { isUuid } from '../administration/forms';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

export const DIARY_MESSAGES = {
  week: 'Enter the week as a year and week number, like 2026-W48',
  weekRange: `Enter a week from ${FIRST_YEAR} to ${LAST_YEAR}`,
  from: 'Enter a real date, like 23/11/2026',
  fromRange: `Enter a date from ${FIRST_YEAR} to ${LAST_YEAR}`,
  worker: 'Choose a programme worker from the list',
  notYours: 'You can see only your own diary. This is yours.',
} as const;

export interface DiaryQuery {
  /** The Monday of the week to show. */
  monday: string;
  /** Whose diary was asked for (a well-formed id, lower case); null for the person's own. */
  worker: string | null;
  /** Where in the week this page starts, for a week with more sessions than one page holds. */
  after: DiaryPlace | null;
  /** Messages for what could not be used, by parameter. */
  errors: Partial<Record<'week' | 'from' | 'worker', string>>;
  /** What was typed, to show in the form again. */
  values: { from?: string };
}

const addressSchema = z.object({
  week: z.string().optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  worker: z.string().optional().catch(undefined),
  after: z.string().optional().catch(undefined),
});

const AFTER = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const encodeDiaryPlace = (place: DiaryPlace) => `${place.startsAt.toISOString()}_${place.id}`;

export function decodeDiaryPlace(value: string | undefined): DiaryPlace | null {
  const match = AFTER.exec(value ?? '');
  if (!match) return null;
  const startsAt = new Date(match[1]!);
  if (Number.isNaN(startsAt.getTime()) || startsAt.toISOString() !== match[1]) return null;
  return { startsAt, id: match[2]!.toLowerCase() };
}

const yearOf = (day: string) => Number(day.slice(0, 4));
const inRange = (day: string) => yearOf(day) >= FIRST_YEAR && yearOf(day) <= LAST_YEAR;

/** The week, worker and page from the address; `today` is today in Scotland. Pure. */
export function parseDiaryQuery(params: URLSearchParams, today: string): DiaryQuery {
  // A parameter given twice counts once, as its first value says.
  const raw = addressSchema.parse(Object.fromEntries(['week', 'from', 'worker', 'after'].map((key) => [key, params.get(key) ?? undefined])));
  const errors: DiaryQuery['errors'] = {};
  const values: DiaryQuery['values'] = {};
  let monday: string | null = null;

  const week = searchText(raw.week, 40)?.toUpperCase();
  if (week) {
    const found = /^\d{4}-W\d{2}$/.test(week) ? mondayOfIsoWeek(week) : null;
    if (!found) errors.week = DIARY_MESSAGES.week;
    else if (!inRange(found) || !inRange(addDays(found, 6))) errors.week = DIARY_MESSAGES.weekRange;
    else monday = found;
  }
  const from = searchText(raw.from, 40);
  if (from && !monday) {
    values.from = from;
    const day = parseDay(from);
    if (!day) errors.from = DIARY_MESSAGES.from;
    else if (!inRange(day)) errors.from = DIARY_MESSAGES.fromRange;
    else monday = mondayOf(day);
  }

  const worker = searchText(raw.worker, 100);
  if (worker && !isUuid(worker)) errors.worker = DIARY_MESSAGES.worker;

  const chosen = monday ?? mondayOf(today);
  const after = decodeDiaryPlace(raw.after);
  // A place outside the week shown is not a place in it: start the week from the beginning.
  const inWeek = after && after.startsAt >= startOfDayInScotland(chosen) && after.startsAt < startOfDayInScotland(addDays(chosen, 7));
  return { monday: chosen, worker: worker && isUuid(worker) ? worker.toLowerCase() : null, after: inWeek ? after : null, errors, values };
}

export interface DiaryWorker {
  id: string;
  name: string;
  active: boolean;
}

export interface DiarySessionView {
  id: string;
  /** '09:00 to 10:00' */
  time: string;
  startsAt: string;
  reference: string;
  referralId: string;
  /** Null when the case is not one this person may see now. */
  personName: string | null;
  caseVisible: boolean;
  moduleTitle: string;
  status: { label: string; colour: TagColour; className: string };
}

export interface DiaryDayView {
  day: string;
  /** 'Monday 23 November 2026' */
  heading: string;
  today: boolean;
  sessions: DiarySessionView[];
}

export interface DiaryAttentionView extends DiarySessionView {
  reason: AttentionReason;
  /** 'Monday 23 November 2026, 09:00' */
  when: string;
}

export interface DiaryPageData {
  worker: DiaryWorker & { own: boolean };
  /** For a manager: the workers of the service, to choose whose diary to see. */
  workers: DiaryWorker[] | null;
  /** ISO week names ('2026-W48'); previous and next are null at the edge of the years the diary covers. */
  week: { monday: string; name: string; range: string; previous: string | null; next: string | null; thisWeek: string; isThisWeek: boolean };
  days: DiaryDayView[];
  /** This page starts part-way through a long week. */
  continued: boolean;
  /** Where the next page of this week starts, if there is one. */
  nextPage: string | null;
  sessionCount: number;
  attention: { sessions: DiaryAttentionView[]; more: boolean };
  errors: DiaryQuery['errors'];
  values: DiaryQuery['values'];
}

const titleFromKey = (key: string) => {
  const words = key.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

async function workersOfService(db: Executor, organisationId: string): Promise<DiaryWorker[]> {
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'full_name', 'active'])
    .where('organisation_id', '=', organisationId)
    .where('role', 'in', ['worker', 'manager'])
    .orderBy('full_name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.full_name, active: row.active }));
}

async function staffMember(db: Executor, id: string): Promise<DiaryWorker> {
  const row = await db.selectFrom('staff_user').select(['id', 'full_name', 'active']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, name: row.full_name, active: row.active };
}

/**
 * Whose diary this page shows: the one asked for if this person may see it, else their
 * own with a message. A refused request is written to the audit log.
 */
async function chooseWorker(db: Executor, viewer: CaseViewer, query: DiaryQuery) {
  const errors = { ...query.errors };
  const manager = visibilityOf(viewer) === 'service';
  const workers = manager ? await workersOfService(db, viewer.organisationId) : null;
  let chosen: DiaryWorker | undefined;
  if (query.worker && query.worker !== viewer.staffUserId) {
    chosen = workers?.find((worker) => worker.id === query.worker);
    if (!chosen) {
      errors.worker = manager ? DIARY_MESSAGES.worker : DIARY_MESSAGES.notYours;
      await recordAudit(db, {
        actor: { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId },
        action: 'diary.read',
        object: { type: 'staff_user', id: query.worker },
        outcome: 'denied',
      });
    }
  }
  const worker = chosen ?? workers?.find((w) => w.id === viewer.staffUserId) ?? (await staffMember(db, viewer.staffUserId));
  return { worker: { ...worker, own: worker.id === viewer.staffUserId }, workers, errors, manager };
}

/** Everything the diary page shows, read for this person and audited. */
export async function diaryPage(db: Executor, viewer: CaseViewer, query: DiaryQuery, now = new Date()): Promise<DiaryPageData> {
  const { worker, workers, errors, manager } = await chooseWorker(db, viewer, query);
  const { monday } = query;
  const from = startOfDayInScotland(monday);
  const to = startOfDayInScotland(addDays(monday, 7));
  const [page, attention, programme] = await Promise.all([
    workerDiaryPage(db, worker.id, from, to, { after: query.after ?? undefined }),
    diaryAttention(db, worker.id, now),
    currentProgramme(db),
  ]);
  const titles = new Map(programme.definition.modules.map((module) => [module.key, module.title]));
  const sessionView = (entry: DiaryEntry): DiarySessionView => {
    const caseVisible = manager || entry.allocatedWorkerId === viewer.staffUserId;
    const { label, colour, className } = sessionStatus(entry.state, { absence: entry.absence, over: entry.endsAt <= now });
    return {
      id: entry.id,
      time: `${formatTime(entry.startsAt)} to ${formatTime(entry.endsAt)}`,
      startsAt: entry.startsAt.toISOString(),
      reference: entry.reference,
      referralId: entry.referralId,
      personName: caseVisible ? entry.personName : null,
      caseVisible,
      moduleTitle: titles.get(entry.moduleKey) ?? titleFromKey(entry.moduleKey),
      status: { label, colour, className },
    };
  };

  const today = dayInScotland(now);
  const byDay = new Map<string, DiarySessionView[]>();
  for (const entry of page.entries) {
    const day = dayInScotland(entry.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), sessionView(entry)]);
  }
  // A page part-way through a long week shows only the days it covers.
  const firstDay = query.after ? dayInScotland(query.after.startsAt) : monday;
  const lastEntry = page.entries[page.entries.length - 1];
  const lastDay = page.next && lastEntry ? dayInScotland(lastEntry.startsAt) : addDays(monday, 6);
  const days = daysOfWeek(monday)
    .filter((day) => day >= firstDay && day <= lastDay)
    .map((day) => ({ day, heading: formatWeekday(day), today: day === today, sessions: byDay.get(day) ?? [] }));

  const thisWeek = isoWeekOf(mondayOf(today));
  const name = isoWeekOf(monday);
  await recordAudit(db, {
    actor: { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId },
    action: 'diary.read',
    object: { type: 'staff_user', id: worker.id },
    outcome: 'success',
    detail: { week: name, count: page.entries.length, attention: attention.entries.length },
  });
  return {
    worker,
    workers,
    week: {
      monday,
      name,
      range: formatWeekRange(monday),
      previous: inRange(addDays(monday, -7)) ? isoWeekOf(addDays(monday, -7)) : null,
      next: inRange(addDays(monday, 13)) ? isoWeekOf(addDays(monday, 7)) : null,
      thisWeek,
      isThisWeek: name === thisWeek,
    },
    days,
    continued: query.after !== null,
    nextPage: page.next ? encodeDiaryPlace(page.next) : null,
    sessionCount: page.entries.length,
    attention: {
      sessions: attention.entries.map((entry) => ({ ...sessionView(entry), reason: entry.reason, when: `${formatWeekday(dayInScotland(entry.startsAt))}, ${formatTime(entry.startsAt)}` })),
      more: attention.more,
    },
    errors,
    values: query.values,
  };
}
