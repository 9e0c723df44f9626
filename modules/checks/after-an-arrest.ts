import { applyTable, chose, type Answers, type CheckDefinition, type CheckResult, type RuleTable } from './definition';

const someoneElseWasArrested = (a: Answers) => !chose(a, 'who_arrested', 'me');

/**
 * After an arrest the danger the toolkit names first is suicide, for the person
 * arrested and for the family (after an arrest: suicide risk). Any sign of it, theirs
 * or someone else's, brings support today.
 */
export const AFTER_AN_ARREST_TABLE: RuleTable = {
  levels: ['get_support_now', 'what_happens_next'],
  rules: [
    { when: { question: 'thoughts_of_suicide', is: ['yes', 'sometimes'] }, atLeast: 'get_support_now', urgent: 'suicide', because: 'Thoughts of ending their life: support today.' },
    { when: { question: 'worried_about_them', is: ['yes', 'not_sure'] }, atLeast: 'get_support_now', urgent: 'someone_else_suicide', because: 'Worried, or unsure, whether the person arrested may end their life: the weeks after an arrest carry a high risk.' },
  ],
};

export const afterAnArrest: CheckDefinition = {
  id: 'after-an-arrest',
  version: 1,
  questions: [
    { id: 'who_arrested', type: 'single', options: ['me', 'partner', 'son_or_daughter', 'other_family', 'friend'] },
    { id: 'stage', type: 'single', options: ['under_investigation', 'charged', 'diversion_offered', 'awaiting_court', 'convicted', 'not_sure'] },
    { id: 'children_at_home', type: 'single', options: ['live_with_children', 'children_visit', 'no_children'], preferNotToSay: true },
    { id: 'social_work', type: 'single', options: ['yes', 'no', 'not_sure'], showIf: (a) => chose(a, 'children_at_home', 'live_with_children', 'children_visit') },
    {
      id: 'worries',
      type: 'multiple',
      options: ['what_happens_next', 'telling_children', 'work', 'money_or_housing', 'neighbours_or_media', 'relationship', 'mental_health'],
      preferNotToSay: true,
    },
    { id: 'thoughts_of_suicide', type: 'single', options: ['yes', 'sometimes', 'no'], preferNotToSay: true },
    { id: 'worried_about_them', type: 'single', options: ['yes', 'not_sure', 'no'], showIf: someoneElseWasArrested },
    { id: 'support', type: 'multiple', options: ['solicitor', 'family_or_friends', 'gp', 'nobody'], exclusive: ['nobody'], preferNotToSay: true },
  ],
  table: AFTER_AN_ARREST_TABLE,
  bands: ['get_support_now', 'what_happens_next'],
  sections: [
    'stage_under_investigation',
    'stage_charged',
    'stage_diversion_offered',
    'stage_awaiting_court',
    'stage_convicted',
    'stage_not_sure',
    'suicide_risk',
    'worried_about_them',
    'children',
    'social_work',
    'for_the_family',
    'solicitor',
    'practical_worries',
  ],
  reasons: ['suicide_risk', 'first_days', 'what_next', 'diversion', 'court', 'telling_children', 'safety_plan', 'looking_after_yourself', 'law_module', 'helpline', 'emotions'],
  result(a: Answers): CheckResult {
    const { level, urgent } = applyTable(AFTER_AN_ARREST_TABLE, a);
    const band = level;

    const stage = typeof a.stage === 'string' ? a.stage : 'not_sure';
    const sections = [`stage_${stage}`];
    sections.push(chose(a, 'worried_about_them', 'yes', 'not_sure') ? 'worried_about_them' : 'suicide_risk');
    const children = chose(a, 'children_at_home', 'live_with_children', 'children_visit');
    if (children) sections.push('children');
    if (chose(a, 'social_work', 'yes', 'not_sure')) sections.push('social_work');
    if (someoneElseWasArrested(a)) sections.push('for_the_family');
    if (!chose(a, 'support', 'solicitor') && !someoneElseWasArrested(a)) sections.push('solicitor');
    if (chose(a, 'worries', 'work', 'money_or_housing', 'neighbours_or_media', 'relationship')) sections.push('practical_worries');

    const steps: CheckResult['nextSteps'] = [];
    if (band === 'get_support_now') steps.push({ path: '/toolkit/after-an-arrest/suicide-risk', reason: 'suicide_risk' });
    steps.push({ path: '/toolkit/after-an-arrest/what-happens-next', reason: 'what_next' });
    if (chose(a, 'stage', 'diversion_offered')) steps.push({ path: '/self-help/the-law-and-after-an-arrest/diversion-from-prosecution', reason: 'diversion' });
    if (chose(a, 'stage', 'awaiting_court', 'convicted', 'charged')) steps.push({ path: '/self-help/the-law-and-after-an-arrest/if-your-case-goes-to-court', reason: 'court' });
    steps.push({ path: '/toolkit/after-an-arrest/the-first-days', reason: 'first_days' });
    if (children || chose(a, 'worries', 'telling_children')) steps.push({ path: '/toolkit/after-an-arrest/telling-children', reason: 'telling_children' });
    if (children) steps.push({ path: '/toolkit/family-safety-plan', reason: 'safety_plan' });
    if (someoneElseWasArrested(a)) steps.push({ path: '/toolkit/after-an-arrest/looking-after-yourself', reason: 'looking_after_yourself' });
    else steps.push({ path: '/self-help/the-law-and-after-an-arrest', reason: 'law_module' });
    if (!someoneElseWasArrested(a) && chose(a, 'worries', 'mental_health')) steps.push({ path: '/self-help/emotions-and-coping', reason: 'emotions' });
    steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline' });
    return { level, band, sections, nextSteps: steps, urgent };
  },
};
