/**
 * The programme definition's edit form. It works without JavaScript: "Add another
 * module" and each "Remove" are submit buttons of the same form, so the server reads
 * everything typed so far (a draft of plain strings), changes the list of modules and
 * shows the form again; only "Save" validates and stores a new version.
 */
import { END_BEFORE_WARNING, MAX_MODULES, MODULE_KEY_PATTERN, programmeDefinitionSchema, type ProgrammeDefinition } from './definition';

export const TEMPLATE_KEYS = ['programmeStart', 'nonCompliance', 'progressReview', 'completion'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface ModuleDraft {
  key: string;
  title: string;
  plannedSessions: string;
  summary: string;
}

export interface ProgrammeDraft {
  label: string;
  sessionMinutes: string;
  warningAfterUnacceptableAbsences: string;
  endAfterUnacceptableAbsences: string;
  completionPercent: string;
  workerCorrectionDays: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
  modules: ModuleDraft[];
  templates: Record<TemplateKey, string>;
}

export type ProgrammeIntent = { kind: 'save' } | { kind: 'add-module' } | { kind: 'remove-module'; index: number };

/** The name (and id) of each field of a module row. */
export const moduleField = (index: number, field: keyof ModuleDraft) => `module-${index}-${field}`;
export const templateField = (key: TemplateKey) => `template-${key}`;

const MODULE_FIELD = /^module-(\d{1,2})-(key|title|plannedSessions|summary)$/;
const MAX_TEXT = 20_000;

export function draftFromDefinition(definition: ProgrammeDefinition): ProgrammeDraft {
  return {
    label: definition.label,
    sessionMinutes: String(definition.sessionMinutes),
    warningAfterUnacceptableAbsences: String(definition.nonCompliance.warningAfterUnacceptableAbsences),
    endAfterUnacceptableAbsences: String(definition.nonCompliance.endAfterUnacceptableAbsences),
    completionPercent: String(definition.attendance.completionPercent),
    workerCorrectionDays: String(definition.attendance.workerCorrectionDays),
    contactPhone: definition.contact.phone,
    contactEmail: definition.contact.email,
    contactAddress: definition.contact.address,
    modules: definition.modules.map((m) => ({ key: m.key, title: m.title, plannedSessions: String(m.plannedSessions), summary: m.summary })),
    templates: { ...definition.reportTemplates },
  };
}

/** Everything the form posted, as strings (the first value of each name), whatever it is. */
export function readProgrammeForm(entries: Iterable<[string, FormDataEntryValue]>): { intent: ProgrammeIntent; version: number | null; draft: ProgrammeDraft } {
  const values = new Map<string, string>();
  for (const [name, value] of entries) if (typeof value === 'string' && !values.has(name)) values.set(name, value.slice(0, MAX_TEXT));
  const get = (name: string) => values.get(name) ?? '';
  const rows = new Map<number, ModuleDraft>();
  for (const name of values.keys()) {
    const match = MODULE_FIELD.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_MODULES + 1) continue;
    const row = rows.get(index) ?? { key: '', title: '', plannedSessions: '', summary: '' };
    row[match[2] as keyof ModuleDraft] = get(name);
    rows.set(index, row);
  }
  const draft: ProgrammeDraft = {
    label: get('label'),
    sessionMinutes: get('sessionMinutes'),
    warningAfterUnacceptableAbsences: get('warningAfterUnacceptableAbsences'),
    endAfterUnacceptableAbsences: get('endAfterUnacceptableAbsences'),
    completionPercent: get('completionPercent'),
    workerCorrectionDays: get('workerCorrectionDays'),
    contactPhone: get('contactPhone'),
    contactEmail: get('contactEmail'),
    contactAddress: get('contactAddress'),
    modules: [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row),
    templates: Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, get(templateField(key))])) as Record<TemplateKey, string>,
  };
  const intentText = get('intent');
  const remove = /^remove-module-(\d{1,2})$/.exec(intentText);
  const intent: ProgrammeIntent =
    intentText === 'add-module' ? { kind: 'add-module' } : remove && Number(remove[1]) < draft.modules.length ? { kind: 'remove-module', index: Number(remove[1]) } : { kind: 'save' };
  const versionText = get('version');
  return { intent, version: /^\d{1,9}$/.test(versionText) ? Number(versionText) : null, draft };
}

export function addModule(draft: ProgrammeDraft): ProgrammeDraft {
  if (draft.modules.length >= MAX_MODULES) return draft;
  return { ...draft, modules: [...draft.modules, { key: '', title: '', plannedSessions: '', summary: '' }] };
}

export function removeModule(draft: ProgrammeDraft, index: number): ProgrammeDraft {
  return { ...draft, modules: draft.modules.filter((_, i) => i !== index) };
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);

/** Keys for new modules, from their titles; a kept module keeps its key (sessions will refer to it). */
function withKeys(modules: ModuleDraft[]): ModuleDraft[] {
  const taken = new Set(modules.map((m) => m.key).filter((key) => MODULE_KEY_PATTERN.test(key)));
  return modules.map((m, index) => {
    if (MODULE_KEY_PATTERN.test(m.key)) return m;
    const base = slug(m.title) || `module-${index + 1}`;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return { ...m, key };
  });
}

const number = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : Number.NaN);

/** The field (id) a schema issue belongs to. */
function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  const [first, second, third] = path;
  if (first === 'modules') return typeof second === 'number' ? moduleField(second, third === 'key' ? 'title' : (third as keyof ModuleDraft)) : 'modules';
  if (first === 'nonCompliance' || first === 'attendance') return String(second);
  if (first === 'contact') return `contact${String(second).charAt(0).toUpperCase()}${String(second).slice(1)}`;
  if (first === 'reportTemplates') return templateField(second as TemplateKey);
  return String(first ?? 'label');
}

export type ValidatedDraft = { status: 'valid'; definition: ProgrammeDefinition; draft: ProgrammeDraft } | { status: 'invalid'; errors: Record<string, string>; draft: ProgrammeDraft };

export function validateDraft(input: ProgrammeDraft): ValidatedDraft {
  const draft = { ...input, modules: withKeys(input.modules) };
  const parsed = programmeDefinitionSchema.safeParse({
    label: draft.label,
    modules: draft.modules.map((m) => ({ key: m.key, title: m.title, plannedSessions: number(m.plannedSessions), summary: m.summary })),
    sessionMinutes: number(draft.sessionMinutes),
    nonCompliance: { warningAfterUnacceptableAbsences: number(draft.warningAfterUnacceptableAbsences), endAfterUnacceptableAbsences: number(draft.endAfterUnacceptableAbsences) },
    attendance: { completionPercent: number(draft.completionPercent), workerCorrectionDays: number(draft.workerCorrectionDays) },
    contact: { phone: draft.contactPhone, email: draft.contactEmail, address: draft.contactAddress.replace(/\r\n?/g, '\n') },
    reportTemplates: draft.templates,
  });
  if (parsed.success) return { status: 'valid', definition: parsed.data, draft };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    if (!errors[field]) errors[field] = issue.message;
  }
  // The schema compares the two numbers only once everything else is valid; say it now too.
  const warning = number(draft.warningAfterUnacceptableAbsences);
  const end = number(draft.endAfterUnacceptableAbsences);
  if (end < warning && !errors.endAfterUnacceptableAbsences) errors.endAfterUnacceptableAbsences = END_BEFORE_WARNING;
  return { status: 'invalid', errors, draft };
}

/** The order of the fields on the page, for the error summary. */
export function fieldOrder(draft: ProgrammeDraft): string[] {
  return [
    'label',
    'sessionMinutes',
    'warningAfterUnacceptableAbsences',
    'endAfterUnacceptableAbsences',
    'completionPercent',
    'workerCorrectionDays',
    'contactPhone',
    'contactEmail',
    'contactAddress',
    'modules',
    ...draft.modules.flatMap((_, i) => [moduleField(i, 'title'), moduleField(i, 'plannedSessions'), moduleField(i, 'summary')]),
    ...TEMPLATE_KEYS.map(templateField),
  ];
}
