import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  choicesFromPlan,
  choicesOf,
  defaultPlan,
  durationText,
  modulesNotInProgramme,
  planTotals,
  readPlanChoices,
  rowsForPage,
  totalsText,
  type PlanChoice,
} from '../../../modules/assessment/plan-builder';
import { DEFAULT_PROGRAMME, type ProgrammeModule } from '../../../modules/programme/definition';

const module = (key: string, title: string, plannedSessions: number): ProgrammeModule => ({ key, title, plannedSessions, summary: '' });
const definition = {
  modules: [module('motivation', 'Motivation', 2), module('impact-on-children', 'Impact on children', 3), module('relapse-prevention', 'Relapse prevention', 4)],
};

const row = (key: string, order: string, sessions: string, include = true): PlanChoice => ({ key, include, order, sessions });
const all = (orders: [string, string, string], sessions: [string, string, string] = ['2', '3', '4']) =>
  definition.modules.map((m, i) => row(m.key, orders[i]!, sessions[i]!));

const errorsOf = (choices: PlanChoice[]) => {
  const built = buildPlan(definition, choices);
  if (built.status !== 'invalid') throw new Error(`expected errors, got ${JSON.stringify(built)}`);
  return built.errors;
};

describe('the default plan', () => {
  it('is every module of the programme, in its order, with its planned sessions', () => {
    expect(defaultPlan(definition)).toEqual([
      { key: 'motivation', title: 'Motivation', sessions: 2 },
      { key: 'impact-on-children', title: 'Impact on children', sessions: 3 },
      { key: 'relapse-prevention', title: 'Relapse prevention', sessions: 4 },
    ]);
    expect(defaultPlan(DEFAULT_PROGRAMME)).toHaveLength(DEFAULT_PROGRAMME.modules.length);
  });

  it('passes the builder as it is', () => {
    expect(buildPlan(DEFAULT_PROGRAMME, choicesOf(defaultPlan(DEFAULT_PROGRAMME)))).toEqual({ status: 'valid', modules: defaultPlan(DEFAULT_PROGRAMME) });
  });
});

describe('building a plan from a worker’s choices', () => {
  it('returns the included modules in the order chosen, with their sessions and the programme’s titles', () => {
    const built = buildPlan(definition, [row('motivation', '2', '1'), row('impact-on-children', '', '', false), row('relapse-prevention', ' 1 ', '10')]);
    expect(built).toEqual({
      status: 'valid',
      modules: [
        { key: 'relapse-prevention', title: 'Relapse prevention', sessions: 10 },
        { key: 'motivation', title: 'Motivation', sessions: 1 },
      ],
    });
  });

  it('ignores what is typed for a module that is not included', () => {
    const built = buildPlan(definition, [row('motivation', '1', '2'), row('impact-on-children', 'banana', '-5', false), row('relapse-prevention', '9', '99', false)]);
    expect(built).toEqual({ status: 'valid', modules: [{ key: 'motivation', title: 'Motivation', sessions: 2 }] });
  });

  it('needs at least one module', () => {
    expect(errorsOf([row('motivation', '1', '2', false)])).toEqual({ modules: 'Include at least one module' });
    expect(errorsOf([])).toEqual({ modules: 'Include at least one module' });
  });

  it('refuses a module the programme does not have, or one named twice', () => {
    const message = 'The plan can include only the modules of the programme, each once. Reload the page and try again';
    expect(errorsOf([row('motivation', '1', '2'), row('forged-module', '2', '2')])).toEqual({ modules: message });
    expect(errorsOf([row('motivation', '1', '2'), row('__proto__', '', '', false)])).toEqual({ modules: message });
    expect(errorsOf([row('motivation', '1', '2'), row('motivation', '2', '2')])).toEqual({ modules: message });
  });

  it('needs an order for each included module, as a whole number', () => {
    expect(errorsOf(all(['', '2', '3']))).toEqual({ 'order-motivation': 'Enter the order for Motivation' });
    expect(errorsOf(all(['   ', '2', '3']))).toEqual({ 'order-motivation': 'Enter the order for Motivation' });
    for (const typed of ['1.5', 'one', '1e0', '0x1', '²', '1 2', '1.0']) {
      expect(errorsOf(all([typed, '2', '3'])), typed).toEqual({ 'order-motivation': 'Enter the order for Motivation as a whole number' });
    }
  });

  it('needs each order between 1 and the number of modules included', () => {
    expect(errorsOf(all(['0', '2', '3']))).toEqual({ 'order-motivation': 'The order for Motivation must be between 1 and 3' });
    expect(errorsOf(all(['4', '2', '3']))).toEqual({ 'order-motivation': 'The order for Motivation must be between 1 and 3' });
    expect(errorsOf(all(['-1', '2', '3']))).toEqual({ 'order-motivation': 'The order for Motivation must be between 1 and 3' });
    expect(errorsOf(all(['99999999999999999999999', '2', '3']))).toEqual({ 'order-motivation': 'The order for Motivation must be between 1 and 3' });
    expect(errorsOf([row('motivation', '2', '2')])).toEqual({ 'order-motivation': 'The order for Motivation must be 1, as it is the only module included' });
  });

  it('says when two or more modules have the same order, on each after the first', () => {
    expect(errorsOf(all(['1', '2', '2']))).toEqual({ 'order-relapse-prevention': 'Two modules have order 2' });
    expect(errorsOf(all(['3', '3', '3']))).toEqual({ 'order-impact-on-children': 'Three modules have order 3', 'order-relapse-prevention': 'Three modules have order 3' });
  });

  it('needs the number of sessions for each included module, as a whole number from 1 to 52', () => {
    expect(errorsOf(all(['1', '2', '3'], ['', '3', '4']))).toEqual({ 'sessions-motivation': 'Enter the number of sessions for Motivation' });
    expect(errorsOf(all(['1', '2', '3'], ['2.5', '3', '4']))).toEqual({ 'sessions-motivation': 'Enter the number of sessions for Motivation as a whole number' });
    expect(errorsOf(all(['1', '2', '3'], ['0', '3', '4']))).toEqual({ 'sessions-motivation': 'Motivation needs at least 1 session' });
    expect(errorsOf(all(['1', '2', '3'], ['-3', '3', '4']))).toEqual({ 'sessions-motivation': 'Motivation needs at least 1 session' });
    expect(errorsOf(all(['1', '2', '3'], ['53', '3', '4']))).toEqual({ 'sessions-motivation': 'Motivation can have at most 52 sessions' });
    expect(errorsOf(all(['1', '2', '3'], ['1'.repeat(400), '3', '4']))).toEqual({ 'sessions-motivation': 'Motivation can have at most 52 sessions' });
    expect(buildPlan(definition, all(['1', '2', '3'], ['1', '52', '+4']))).toMatchObject({ status: 'valid' });
  });

  it('reports every wrong field at once', () => {
    expect(errorsOf(all(['x', '', '1'], ['2', '0', '']))).toEqual({
      'order-motivation': 'Enter the order for Motivation as a whole number',
      'order-impact-on-children': 'Enter the order for Impact on children',
      'sessions-impact-on-children': 'Impact on children needs at least 1 session',
      'sessions-relapse-prevention': 'Enter the number of sessions for Relapse prevention',
    });
  });
});

describe('reading the plan form', () => {
  it('makes a row for each module named, in the order the page listed them, keeping the first of each field', () => {
    const choices = readPlanChoices([
      ['csrf', 'token'],
      ['order-relapse-prevention', '1'],
      ['include', 'relapse-prevention'],
      ['sessions-relapse-prevention', '4'],
      ['order-motivation', '2'],
      ['order-motivation', '9'],
      ['sessions-motivation', '2'],
      ['intent', 'save'],
    ]);
    expect(choices).toEqual([row('relapse-prevention', '1', '4'), row('motivation', '2', '2', false)]);
  });

  it('keeps a forged or overlong value as something the builder refuses', () => {
    const [choice] = readPlanChoices([['include', 'x'.repeat(500)], [`order-${'x'.repeat(500)}`, `1${' '.repeat(100)}`]]);
    expect(choice!.key).toHaveLength(100);
    expect(choice!.order.endsWith('…')).toBe(true);
    expect(buildPlan(definition, [choice!]).status).toBe('invalid');
  });

  it('refuses a form naming more modules than any programme has', () => {
    const many = Array.from({ length: 150 }, (_, i): [string, string] => ['include', `m${i}`]);
    const choices = readPlanChoices(many);
    expect(choices).toHaveLength(101);
    expect(errorsOf(choices)).toHaveProperty('modules');
  });
});

describe('the rows shown again after a failed save', () => {
  it('keeps the posted order of the programme’s modules, leaves out forged ones, and adds any the form left out', () => {
    const rows = rowsForPage(definition, [row('relapse-prevention', 'x', '4'), row('forged', '1', '1'), row('motivation', '1', '', false)]);
    expect(rows).toEqual([row('relapse-prevention', 'x', '4'), row('motivation', '1', '', false), row('impact-on-children', '', '3', false)]);
  });
});

describe('the rows shown for a saved plan', () => {
  it('lists the plan’s modules in its order, then the others not included', () => {
    const choices = choicesFromPlan(definition, [
      { key: 'relapse-prevention', title: 'Relapse prevention', sessions: 6 },
      { key: 'motivation', title: 'Motivation', sessions: 1 },
    ]);
    expect(choices).toEqual([row('relapse-prevention', '1', '6'), row('motivation', '2', '1'), row('impact-on-children', '', '3', false)]);
    expect(buildPlan(definition, choices)).toMatchObject({ status: 'valid' });
  });

  it('leaves out a module the programme no longer has, and names it', () => {
    const plan = [
      { key: 'gone', title: 'A module since removed', sessions: 2 },
      { key: 'motivation', title: 'Motivation', sessions: 1 },
    ];
    expect(choicesFromPlan(definition, plan).map((c) => [c.key, c.order])).toEqual([
      ['motivation', '1'],
      ['impact-on-children', ''],
      ['relapse-prevention', ''],
    ]);
    expect(modulesNotInProgramme(definition, plan)).toEqual([plan[0]]);
  });
});

describe('plan totals', () => {
  it('counts modules, sessions and time', () => {
    const plan = defaultPlan(definition);
    expect(planTotals(plan)).toEqual({ modules: 3, sessions: 9, minutes: null });
    expect(planTotals(plan, 90)).toEqual({ modules: 3, sessions: 9, minutes: 810 });
    expect(planTotals([], 60)).toEqual({ modules: 0, sessions: 0, minutes: 0 });
  });

  it('says the totals in words', () => {
    expect(durationText(45)).toBe('45 minutes');
    expect(durationText(60)).toBe('1 hour');
    expect(durationText(90)).toBe('1 hour 30 minutes');
    expect(durationText(810)).toBe('13 hours 30 minutes');
    expect(totalsText(planTotals(defaultPlan(definition), 60))).toBe('3 modules, 9 sessions (9 hours)');
    expect(totalsText(planTotals([{ key: 'a', title: 'A', sessions: 1 }]))).toBe('1 module, 1 session');
  });
});
