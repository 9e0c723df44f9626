/**
 * The plan builder: which modules of the programme a man's individual plan includes,
 * in what order, and how many sessions each. Pure (no database, no Remix), so the
 * plan page, the module that saves a plan and the unit tests all use the same rules.
 *
 * A worker's choices arrive as text, exactly as typed; `buildPlan` either returns the
 * plan in its order or a message for each field that is wrong, in plain words about
 * that module.
 */
import type { PlanModule } from '../../db/schema';
import type { ProgrammeDefinition } from '../programme/definition';

export const PLAN_MAX_SESSIONS = 52;
/** How many rows a posted form may name before it is refused as not from our page. */
const MAX_CHOICES = 100;
/** Longest typed number kept for the page; anything longer cannot be a valid number. */
const KEEP_MAX = 40;

type Definition = Pick<ProgrammeDefinition, 'modules'>;

/** One row of the plan form, as typed. */
export interface PlanChoice {
  key: string;
  include: boolean;
  order: string;
  sessions: string;
}

export type PlanErrors = Record<string, string>;

export type BuiltPlan = { status: 'valid'; modules: PlanModule[] } | { status: 'invalid'; errors: PlanErrors };

/** The name of the checkboxes (their values are module keys), and each row's field names (and ids). */
export const INCLUDE_FIELD = 'include';
export const includeId = (key: string) => `include-${key}`;
export const orderField = (key: string) => `order-${key}`;
export const sessionsField = (key: string) => `sessions-${key}`;
/** The id the error about the plan as a whole (no module, a forged module) links to. */
export const MODULES_FIELD = 'modules';

/** Every module of the programme, in the programme's order, with its planned sessions. */
export function defaultPlan(definition: Definition): PlanModule[] {
  return definition.modules.map((module) => ({ key: module.key, title: module.title, sessions: module.plannedSessions }));
}

/**
 * The rows of the form for a plan: its modules in its order, then the programme's other
 * modules (not included) in the programme's order. Modules the programme no longer has
 * are left out (see `modulesNotInProgramme`).
 */
export function choicesFromPlan(definition: Definition, plan: readonly PlanModule[]): PlanChoice[] {
  const known = new Set(definition.modules.map((module) => module.key));
  const included = plan.filter((module) => known.has(module.key));
  const chosen = new Set(included.map((module) => module.key));
  return [
    ...included.map((module, index) => ({ key: module.key, include: true, order: String(index + 1), sessions: String(module.sessions) })),
    ...definition.modules.filter((module) => !chosen.has(module.key)).map((module) => ({ key: module.key, include: false, order: '', sessions: String(module.plannedSessions) })),
  ];
}

/**
 * The rows to show again after a failed save: what was typed for each module of the
 * programme, in the order posted, then any module the form left out (not included).
 * Rows for modules the programme does not have are not shown (the builder refused them).
 */
export function rowsForPage(definition: Definition, choices: readonly PlanChoice[]): PlanChoice[] {
  const known = new Set(definition.modules.map((module) => module.key));
  const posted = new Set<string>();
  const rows = choices.filter((choice) => known.has(choice.key) && !posted.has(choice.key) && posted.add(choice.key));
  return [...rows, ...definition.modules.filter((module) => !posted.has(module.key)).map((module) => ({ key: module.key, include: false, order: '', sessions: String(module.plannedSessions) }))];
}

/** The modules of a saved plan that the programme (as it is now) no longer has. */
export function modulesNotInProgramme(definition: Definition, plan: readonly PlanModule[]): PlanModule[] {
  const known = new Set(definition.modules.map((module) => module.key));
  return plan.filter((module) => !known.has(module.key));
}

const ROW_FIELD = /^(order|sessions)-(.+)$/;

const kept = (value: string) => (value.length > KEEP_MAX ? `${value.slice(0, KEEP_MAX)}…` : value);

/**
 * The rows a plan form posted, whatever it contains: a row for every module named by a
 * checkbox or a field, in the order the page listed them. Nothing is checked here.
 */
export function readPlanChoices(entries: Iterable<[string, FormDataEntryValue]>): PlanChoice[] {
  const rows = new Map<string, PlanChoice>();
  let overflow = false;
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) {
      if (rows.size >= MAX_CHOICES) {
        overflow = true;
        return null;
      }
      found = { key, include: false, order: '', sessions: '' };
      rows.set(key, found);
    }
    return found;
  };
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    if (name === INCLUDE_FIELD) {
      const choice = row(value.slice(0, 100));
      if (choice) choice.include = true;
      continue;
    }
    const match = ROW_FIELD.exec(name);
    if (!match || seen.has(name)) continue;
    seen.add(name);
    const choice = row(match[2]!.slice(0, 100));
    if (choice) choice[match[1] as 'order' | 'sessions'] = kept(value);
  }
  const choices = [...rows.values()];
  // More rows than any programme has: not our form. A row no programme can have makes buildPlan refuse it.
  return overflow ? [...choices, { key: '', include: true, order: '', sessions: '' }] : choices;
}

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
const countWord = (count: number) => NUMBER_WORDS[count] ?? String(count);

type WholeNumber = { status: 'ok'; value: number } | { status: 'missing' } | { status: 'not-whole' };

function wholeNumber(text: string): WholeNumber {
  const value = text.trim();
  if (!value) return { status: 'missing' };
  // Digits only (with a sign): "1.0", "1e3", "0x10" and "½" are not what a person means by a whole number.
  if (!/^[+-]?\d+$/.test(value)) return { status: 'not-whole' };
  return { status: 'ok', value: Number(value) };
}

/**
 * Checks a worker's choices against the programme definition: at least one module
 * included, each included module with an order (whole, unique, 1 to the number
 * included) and a number of sessions (1 to 52). Returns the plan in its order.
 */
export function buildPlan(definition: Definition, choices: readonly PlanChoice[]): BuiltPlan {
  const known = new Map(definition.modules.map((module) => [module.key, module]));
  const errors: PlanErrors = {};
  const keys = new Set<string>();
  for (const choice of choices) {
    if (!known.has(choice.key) || keys.has(choice.key)) {
      errors[MODULES_FIELD] = 'The plan can include only the modules of the programme, each once. Reload the page and try again';
    }
    keys.add(choice.key);
  }
  const included = choices.filter((choice, index) => choice.include && known.has(choice.key) && choices.findIndex((c) => c.key === choice.key) === index);
  if (!included.length && !errors[MODULES_FIELD]) errors[MODULES_FIELD] = 'Include at least one module';

  const count = included.length;
  const placed: Array<{ module: PlanModule; order: number }> = [];
  const byOrder = new Map<number, string[]>();
  for (const choice of included) {
    const { title } = known.get(choice.key)!;
    let order: number | null = null;
    const typedOrder = wholeNumber(choice.order);
    if (typedOrder.status === 'missing') errors[orderField(choice.key)] = `Enter the order for ${title}`;
    else if (typedOrder.status === 'not-whole') errors[orderField(choice.key)] = `Enter the order for ${title} as a whole number`;
    else if (typedOrder.value < 1 || typedOrder.value > count) {
      errors[orderField(choice.key)] = count === 1 ? `The order for ${title} must be 1, as it is the only module included` : `The order for ${title} must be between 1 and ${count}`;
    } else {
      order = typedOrder.value;
      byOrder.set(order, [...(byOrder.get(order) ?? []), choice.key]);
    }

    let sessions: number | null = null;
    const typedSessions = wholeNumber(choice.sessions);
    if (typedSessions.status === 'missing') errors[sessionsField(choice.key)] = `Enter the number of sessions for ${title}`;
    else if (typedSessions.status === 'not-whole') errors[sessionsField(choice.key)] = `Enter the number of sessions for ${title} as a whole number`;
    else if (typedSessions.value < 1) errors[sessionsField(choice.key)] = `${title} needs at least 1 session`;
    else if (typedSessions.value > PLAN_MAX_SESSIONS) errors[sessionsField(choice.key)] = `${title} can have at most ${PLAN_MAX_SESSIONS} sessions`;
    else sessions = typedSessions.value;

    if (order !== null && sessions !== null) placed.push({ module: { key: choice.key, title, sessions }, order });
  }
  // The message goes on each module after the first with that order: the first keeps its place.
  for (const [order, sharing] of byOrder) {
    if (sharing.length < 2) continue;
    for (const key of sharing.slice(1)) errors[orderField(key)] ??= `${countWord(sharing.length)} modules have order ${order}`;
  }
  if (Object.keys(errors).length) return { status: 'invalid', errors };
  return { status: 'valid', modules: placed.sort((a, b) => a.order - b.order).map((entry) => entry.module) };
}

/** Rows for a plan that is already whole (from the database or a caller), for checking it again. */
export const choicesOf = (modules: readonly PlanModule[]): PlanChoice[] =>
  modules.map((module, index) => ({ key: module.key, include: true, order: String(index + 1), sessions: String(module.sessions) }));

export interface PlanTotals {
  modules: number;
  sessions: number;
  /** The planned time, when the length of a session is known. */
  minutes: number | null;
}

export function planTotals(plan: readonly PlanModule[], sessionMinutes?: number): PlanTotals {
  const sessions = plan.reduce((sum, module) => sum + module.sessions, 0);
  return { modules: plan.length, sessions, minutes: sessionMinutes === undefined ? null : sessions * sessionMinutes };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "36 hours", "1 hour 30 minutes", "45 minutes". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return plural(rest, 'minute');
  return rest ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
}

/** "9 modules, 24 sessions (about 24 hours)". */
export function totalsText(totals: PlanTotals): string {
  const base = `${plural(totals.modules, 'module')}, ${plural(totals.sessions, 'session')}`;
  return totals.minutes === null ? base : `${base} (${durationText(totals.minutes)})`;
}
