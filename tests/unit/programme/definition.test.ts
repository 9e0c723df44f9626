import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME, DEFAULT_PROGRAMME_LABEL, programmeDefinitionSchema } from '../../../modules/programme/definition';
import { addModule, draftFromDefinition, fieldOrder, readProgrammeForm, removeModule, validateDraft } from '../../../modules/programme/form';

const formEntries = (draft: ReturnType<typeof draftFromDefinition>, extra: Record<string, string> = {}): Array<[string, string]> => [
  ['version', '4'],
  ['label', draft.label],
  ['sessionMinutes', draft.sessionMinutes],
  ['warningAfterUnacceptableAbsences', draft.warningAfterUnacceptableAbsences],
  ['endAfterUnacceptableAbsences', draft.endAfterUnacceptableAbsences],
  ['completionPercent', draft.completionPercent],
  ['workerCorrectionDays', draft.workerCorrectionDays],
  ...draft.modules.flatMap((m, i): Array<[string, string]> => [
    [`module-${i}-key`, m.key],
    [`module-${i}-title`, m.title],
    [`module-${i}-plannedSessions`, m.plannedSessions],
    [`module-${i}-summary`, m.summary],
  ]),
  ...Object.entries(draft.templates).map(([key, text]): [string, string] => [`template-${key}`, text]),
  ...Object.entries(extra),
];

describe('the default programme', () => {
  it('reads a version saved before the attendance settings existed with the default ones', () => {
    const { attendance: _attendance, ...older } = DEFAULT_PROGRAMME;
    expect(programmeDefinitionSchema.parse(older).attendance).toEqual({ completionPercent: 100, workerCorrectionDays: 7 });
  });

  it('reads a version saved before contact details existed with none, and invents none of its own', () => {
    const { contact: _contact, ...older } = DEFAULT_PROGRAMME;
    expect(programmeDefinitionSchema.parse(older).contact).toEqual({ phone: '', email: '', address: '' });
    expect(DEFAULT_PROGRAMME.contact).toEqual({ phone: '', email: '', address: '' });
  });

  it('is valid, and says plainly that it is not Sacro’s programme', () => {
    expect(programmeDefinitionSchema.parse(DEFAULT_PROGRAMME)).toEqual(DEFAULT_PROGRAMME);
    expect(DEFAULT_PROGRAMME.label).toBe(DEFAULT_PROGRAMME_LABEL);
    expect(DEFAULT_PROGRAMME_LABEL).toMatch(/not Sacro's programme/);
  });

  it('has the modules DESIGN.md describes, assessment first', () => {
    expect(DEFAULT_PROGRAMME.modules.map((m) => m.title)).toEqual([
      'Assessment',
      'Motivation',
      'Understanding the offending',
      'Thinking and permission-giving',
      'Impact on children',
      'Internet use and triggers',
      'Emotions and coping',
      'Relationships and sexuality',
      'Relapse prevention and safety planning',
      'A good life and future plans',
    ]);
  });
});

describe('the programme form', () => {
  const draft = draftFromDefinition(DEFAULT_PROGRAMME);

  it('reads back what the page showed, unchanged, as a valid definition', () => {
    const read = readProgrammeForm(formEntries(draft, { intent: 'save' }));
    expect(read.intent).toEqual({ kind: 'save' });
    expect(read.version).toBe(4);
    expect(read.draft).toEqual(draft);
    const checked = validateDraft(read.draft);
    expect(checked.status === 'valid' && checked.definition).toEqual(DEFAULT_PROGRAMME);
  });

  it('adds and removes module rows without checking anything else', () => {
    const added = addModule(readProgrammeForm(formEntries({ ...draft, sessionMinutes: 'soon' }, { intent: 'add-module' })).draft);
    expect(added.modules).toHaveLength(11);
    expect(added.sessionMinutes).toBe('soon');
    const read = readProgrammeForm(formEntries(draft, { intent: 'remove-module-1' }));
    expect(read.intent).toEqual({ kind: 'remove-module', index: 1 });
    expect(removeModule(read.draft, 1).modules.map((m) => m.key)).not.toContain('motivation');
    expect(readProgrammeForm(formEntries(draft, { intent: 'remove-module-99' })).intent).toEqual({ kind: 'save' });
  });

  it('gives a new module a key from its title, and keeps the keys of the others', () => {
    const withNew = addModule(draft);
    withNew.modules[10] = { key: '', title: 'Motivation', plannedSessions: '1', summary: '' };
    const checked = validateDraft(withNew);
    expect(checked.status).toBe('valid');
    if (checked.status === 'valid') {
      expect(checked.definition.modules[1]!.key).toBe('motivation');
      expect(checked.definition.modules[10]!.key).toBe('motivation-2');
    }
  });

  it('says what is wrong, against the field it is about', () => {
    const broken = {
      ...draft,
      label: ' ',
      sessionMinutes: 'an hour',
      warningAfterUnacceptableAbsences: '3',
      endAfterUnacceptableAbsences: '2',
      modules: [{ ...draft.modules[0]!, title: '', plannedSessions: '0' }, ...draft.modules.slice(1)],
      templates: { ...draft.templates, completion: '' },
    };
    const checked = validateDraft(broken);
    expect(checked.status).toBe('invalid');
    if (checked.status !== 'invalid') return;
    expect(checked.errors).toEqual({
      label: 'Enter a name for this version of the programme',
      sessionMinutes: 'Enter the length of a session in minutes as a number',
      endAfterUnacceptableAbsences: 'The referrer is told after the warning: enter the same number as the warning or more',
      'module-0-title': 'Enter the title of the module',
      'module-0-plannedSessions': 'The planned number of sessions must be 1 or more',
      'template-completion': 'Enter the completion report template',
    });
    for (const field of Object.keys(checked.errors)) expect(fieldOrder(checked.draft)).toContain(field);
  });

  it('checks the service’s contact details, and keeps the address’s lines', () => {
    const wrong = validateDraft({ ...draft, contactPhone: 'call us', contactEmail: 'choice at example', contactAddress: 'x'.repeat(501) });
    expect(wrong.status === 'invalid' && wrong.errors).toEqual({
      contactPhone: 'Enter a phone number using numbers and spaces, like 0131 496 0000',
      contactEmail: 'Enter an email address in the right format, like choice@example.org',
      contactAddress: 'The address must be 500 characters or fewer',
    });
    for (const field of ['contactPhone', 'contactEmail', 'contactAddress']) expect(fieldOrder(draft)).toContain(field);
    const right = validateDraft({ ...draft, contactPhone: '0131 496 0000', contactEmail: 'choice@example.org', contactAddress: '1 Example Street\r\nEdinburgh EH1 1AA' });
    expect(right.status === 'valid' && right.definition.contact).toEqual({ phone: '0131 496 0000', email: 'choice@example.org', address: '1 Example Street\nEdinburgh EH1 1AA' });
  });

  it('needs at least one module', () => {
    const checked = validateDraft({ ...draft, modules: [] });
    expect(checked.status === 'invalid' && checked.errors.modules).toBe('The programme needs at least one module');
  });

  it('reads any body without failing, with no version when it cannot read one', () => {
    const read = readProgrammeForm([['version', 'x'], ['module-7-title', 'Only row'], ['module-999-title', 'ignored'], ['label', 'a'.repeat(30_000)]]);
    expect(read.version).toBeNull();
    expect(read.draft.modules).toEqual([{ key: '', title: 'Only row', plannedSessions: '', summary: '' }]);
    expect(read.draft.label.length).toBe(20_000);
  });
});
