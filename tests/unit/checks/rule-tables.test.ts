/**
 * The checks' urgency rules, tested as tables: each sign alone, the dangerous
 * combinations, and a property over samples of every combination: adding a sign can
 * never make a result milder than that sign alone would give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds, levelRank, optionsOf, URGENT_FLAGS, type Answer, type Answers, type CheckDefinition, type Condition, type Question } from '../../../modules/checks/definition';
import { pruneHidden } from '../../../modules/checks/flow';
import { CHECKS } from '../../../modules/checks/index';
import { getCheckWording } from '../../../modules/checks/service';
import { plainText } from '../../../modules/content/markdown';

const rank = (check: CheckDefinition, answers: Answers) => levelRank(check.table, check.result(answers).level);

/** Every answer a person could give to one question, one sign at a time. */
function signsOf(question: Question): Answer[] {
  if (question.type === 'scale') return Array.from({ length: (question.max ?? 10) - (question.min ?? 0) + 1 }, (_, i) => (question.min ?? 0) + i);
  return optionsOf(question).map((o) => (question.type === 'multiple' ? [o] : o));
}

/** Each chosen option (or the scale value) of a full set of answers, as a sign on its own. */
function signsIn(check: CheckDefinition, answers: Answers): Answers[] {
  return check.questions.flatMap((q) => {
    const answer = answers[q.id];
    if (answer === undefined) return [];
    return (Array.isArray(answer) ? answer.map((v) => [v]) : [answer]).map((value) => ({ [q.id]: value }));
  });
}

describe('every table is well formed', () => {
  for (const check of Object.values(CHECKS)) {
    it(`${check.id}: each row names a level of the table and real questions and options`, () => {
      const questions = new Map(check.questions.map((q) => [q.id, q]));
      const visit = (c: Condition): void => {
        if ('all' in c) return c.all.forEach(visit);
        if ('atLeastOf' in c) return c.conditions.forEach(visit);
        const question = questions.get(c.question);
        expect(question, c.question).toBeDefined();
        for (const option of 'is' in c ? c.is : 'of' in c ? c.of : []) expect(optionsOf(question!), `${c.question}: ${option}`).toContain(option);
      };
      for (const rule of check.table.rules) {
        expect(check.table.levels).toContain(rule.atLeast);
        if (rule.urgent) expect(URGENT_FLAGS).toContain(rule.urgent);
        expect(rule.because.length).toBeGreaterThan(10);
        visit(rule.when);
      }
      expect(check.result({}).level).toBe(check.table.levels.at(-1));
    });
  }
});

/** Signs that alone mean act today, as the toolkit's own guidance says. */
const ACT_TODAY: Array<{ check: keyof typeof CHECKS; sign: Answers; urgent?: string }> = [
  { check: 'someone-else', sign: { urgency: 'danger_now' }, urgent: 'child_in_danger' },
  { check: 'someone-else', sign: { child_told: 'yes' } },
  { check: 'someone-else', sign: { adult_behaviour: ['sexual_messages'] } },
  { check: 'someone-else', sign: { adult_behaviour: ['sexual_contact'] }, urgent: 'child_in_danger' },
  { check: 'someone-else', sign: { adult_behaviour: ['arranged_to_meet'] }, urgent: 'child_in_danger' },
  { check: 'someone-else', sign: { adult_behaviour: ['images'] } },
  { check: 'someone-else', sign: { child_behaviour: ['pressure_or_force'] } },
  { check: 'someone-else', sign: { child_behaviour: ['with_younger_child'] } },
  { check: 'someone-else', sign: { child_behaviour: ['sharing_images'] } },
  { check: 'online-viewing', sign: { met_or_arranged: 'met' }, urgent: 'child_at_risk_from_me' },
  { check: 'online-viewing', sign: { met_or_arranged: 'arranged' }, urgent: 'child_at_risk_from_me' },
  { check: 'online-viewing', sign: { what_viewed: ['chat_young_people'] } },
  { check: 'online-viewing', sign: { changed: ['contact_online'] } },
  { check: 'sexual-thoughts', sign: { acted: ['touched'] } },
];

describe('each sign that alone means act today reaches the act-today band', () => {
  for (const { check: id, sign, urgent } of ACT_TODAY) {
    it(`${id}: ${JSON.stringify(sign)}`, () => {
      const result = CHECKS[id].result(sign);
      expect(result.level).toBe(CHECKS[id].table.levels[0]);
      if (urgent) expect(result.urgent).toContain(urgent);
      if (id === 'someone-else') {
        const paths = result.nextSteps.map((s) => s.path);
        expect(paths.slice(0, 3)).toEqual(['/toolkit/what-to-do/right-now', '/toolkit/what-to-do/police-or-social-work', '/local-help']);
      }
    });
  }

  it('every act-now wording names the police and social work routes', () => {
    const { checks } = getCheckWording();
    for (const id of ['someone-else', 'online-viewing', 'sexual-thoughts'] as const) {
      const text = plainText(checks[id].bands.act_now!.html);
      expect(text, id).toContain('999');
      expect(text, id).toContain('101');
      expect(text, id).toMatch(/social work/);
    }
    const atWork = plainText(checks['someone-else'].bands.at_work_act_now!.html);
    expect(atWork).toMatch(/child protection lead/);
    expect(atWork).toContain('101');
  });
});

describe('every sign alone gets exactly what the table says for it', () => {
  for (const check of Object.values(CHECKS)) {
    it(`${check.id}: each option and scale value on its own`, () => {
      for (const question of check.questions) {
        for (const value of signsOf(question)) {
          const sign = { [question.id]: value };
          const ranks = check.table.rules.filter((r) => holds(sign, r.when)).map((r) => levelRank(check.table, r.atLeast));
          expect(rank(check, sign), `${question.id}=${JSON.stringify(value)}`).toBe(Math.min(check.table.levels.length - 1, ...ranks));
        }
      }
    });
  }
});

/** Dangerous combinations: signs that together mean act today, though each alone may not. */
const DANGEROUS: Array<{ check: keyof typeof CHECKS; name: string; answers: Answers; band?: string }> = [
  {
    check: 'someone-else',
    name: 'the mother’s five signs in an adult who lives with the child, urgency not sure (issue 15)',
    answers: {
      who: 'adult',
      your_role: 'parent_or_carer',
      adult_behaviour: ['sexual_talk', 'online_contact', 'time_alone', 'gifts_or_secrets', 'ignores_boundaries'],
      adult_contact: 'lives_with_children',
      child_told: 'no',
      urgency: 'unsure',
      talked_to: ['nobody'],
    },
  },
  { check: 'someone-else', name: 'three warning signs', answers: { who: 'adult', adult_behaviour: ['time_alone', 'gifts_or_secrets', 'ignores_boundaries'], adult_contact: 'some_contact' } },
  { check: 'someone-else', name: 'two signs in an adult who lives with children', answers: { who: 'adult', adult_behaviour: ['time_alone', 'ignores_boundaries'], adult_contact: 'lives_with_children' } },
  { check: 'someone-else', name: 'two signs and something happened recently', answers: { who: 'adult', adult_behaviour: ['time_alone', 'sexual_talk'], adult_contact: 'some_contact', urgency: 'recently' } },
  { check: 'someone-else', name: 'private online contact with gifts or secrets', answers: { who: 'adult', adult_behaviour: ['online_contact', 'gifts_or_secrets'], adult_contact: 'not_sure' } },
  { check: 'online-viewing', name: 'images of under-18s with children at home', answers: { what_viewed: ['images_under_18'], contact_with_children: ['at_home'] } },
  { check: 'online-viewing', name: 'images of under-18s, every day, for over a year', answers: { what_viewed: ['images_under_18'], how_often: 'every_day', how_long: 'over_a_year' } },
  { check: 'online-viewing', name: 'images of under-13s, going younger', answers: { what_viewed: ['images_under_18'], youngest: 'under_13', changed: ['younger'] } },
  { check: 'online-viewing', name: 'AI-made images, cannot stop, overwhelming', answers: { what_viewed: ['ai_or_drawn'], tried_to_stop: 'tried_keep_going_back', how_you_feel: 9 } },
  { check: 'sexual-thoughts', name: 'came close this week', answers: { acted: ['came_close'], when_last: 'this_week' } },
  { check: 'sexual-thoughts', name: 'came close, the child still around', answers: { acted: ['came_close'], child_still_around: 'yes' } },
  { check: 'sexual-thoughts', name: 'arousing thoughts, living with children', answers: { nature: 'arousing', situations: ['live_with_children'], acted: ['never'] } },
  { check: 'sexual-thoughts', name: 'images of children, living with children', answers: { nature: 'unwanted', situations: ['live_with_children'], acted: ['looked_at_images'] } },
];

describe('dangerous combinations reach the act-today band', () => {
  for (const { check: id, name, answers } of DANGEROUS) {
    it(`${id}: ${name}`, () => {
      const check = CHECKS[id];
      expect(check.result(answers).level).toBe(check.table.levels[0]);
      // Each of these signs alone is milder: it is the combination that matters.
      for (const sign of signsIn(check, answers)) expect(rank(check, sign), JSON.stringify(sign)).toBeGreaterThan(0);
    });
  }

  it('the mother is not told one sign proves nothing when she chose five', () => {
    const result = CHECKS['someone-else'].result(DANGEROUS[0]!.answers);
    expect(result.sections).toContain('signs_together');
    expect(result.sections).not.toContain('adult_signs');
  });
});

describe('results speak to the person who answered', () => {
  it('a professional is led first to their child protection lead, today, at every level', () => {
    for (const answers of [
      { who: 'adult', your_role: 'professional', adult_behaviour: ['other'], adult_contact: 'some_contact', child_told: 'no', urgency: 'unsure', talked_to: ['nobody'] },
      { who: 'child', your_role: 'professional', child_behaviour: ['knowledge_beyond_age'], child_told: 'not_sure', urgency: 'unsure', talked_to: ['nobody'] },
      { who: 'adult', your_role: 'professional', adult_behaviour: ['sexual_messages'], adult_contact: 'regular_contact', child_told: 'no', urgency: 'unsure', talked_to: ['nobody'] },
    ]) {
      const result = CHECKS['someone-else'].result(answers);
      expect(result.band).toMatch(/^at_work/);
      expect(result.nextSteps[0]!.path).toBe('/toolkit/for-professionals/recording-and-referring');
      expect(result.sections[0]).toBe('professional_duty');
    }
    const { checks } = getCheckWording();
    for (const band of ['at_work', 'at_work_act_now']) {
      const text = plainText(checks['someone-else'].bands[band]!.html);
      expect(text).toMatch(/child protection lead/);
      expect(text).toMatch(/today|now/);
      expect(text).not.toMatch(/do not have to give your name/);
    }
  });

  it('the man who arranged to meet a child is spoken to as himself, not as a bystander', () => {
    const result = CHECKS['online-viewing'].result({ what_viewed: ['chat_young_people'], met_or_arranged: 'arranged' });
    expect(result.urgent).toEqual(['child_at_risk_from_me']);
    const { common } = getCheckWording();
    const text = plainText(common.urgentHtml.child_at_risk_from_me);
    expect(text).toMatch(/If you have arranged to meet a child, do not go/);
    expect(text).not.toMatch(/If the child is safe for the moment/);
  });
});

/** Any valid answer to a question, or none. */
function answerArbitrary(question: Question): fc.Arbitrary<Answer | undefined> {
  const options = optionsOf(question);
  const any = (() => {
    if (question.type === 'scale') return fc.integer({ min: question.min ?? 0, max: question.max ?? 10 });
    if (question.type === 'single') return fc.constantFrom(...options);
    const exclusive = new Set([...(question.exclusive ?? []), ...(question.preferNotToSay ? ['prefer_not_to_say'] : [])]);
    return fc.oneof(
      fc.subarray(options.filter((o) => !exclusive.has(o)), { minLength: 1 }),
      ...(exclusive.size ? [fc.constantFrom(...[...exclusive].map((o) => [o]))] : []),
    );
  })() as fc.Arbitrary<Answer>;
  return fc.option(any, { nil: undefined, freq: 5 });
}

describe('property: a result is never milder than the strongest sign in it alone', () => {
  for (const check of Object.values(CHECKS)) {
    it(check.id, () => {
      const answersArbitrary = fc.record(Object.fromEntries(check.questions.map((q) => [q.id, answerArbitrary(q)])) as Record<string, fc.Arbitrary<Answer | undefined>>);
      fc.assert(
        fc.property(answersArbitrary, (raw) => {
          const answers = pruneHidden(check, raw);
          const whole = rank(check, answers);
          for (const sign of signsIn(check, answers)) {
            if (whole > rank(check, sign)) return false;
          }
          // And the urgent help any sign alone brings is never lost in company.
          const urgent = new Set(check.result(answers).urgent);
          return signsIn(check, answers).every((sign) => check.result(sign).urgent.every((flag) => urgent.has(flag)));
        }),
        { numRuns: 2_000 },
      );
    });
  }
});
