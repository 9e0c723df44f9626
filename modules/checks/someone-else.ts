import { applyTable, chose, holds, type Answers, type CheckDefinition, type CheckResult, type Condition, type RuleTable } from './definition';

const aboutAnAdult = (a: Answers) => chose(a, 'who', 'adult');
const aboutAChild = (a: Answers) => chose(a, 'who', 'child', 'young_person');
const atWork = (a: Answers) => chose(a, 'your_role', 'professional');

/** Signs that, one at a time, may have an innocent explanation, and together are a reason to act. */
const WARNING_SIGNS = ['time_alone', 'gifts_or_secrets', 'sexual_talk', 'ignores_boundaries', 'online_contact'] as const;
const signs = (count: number): Condition => ({ question: 'adult_behaviour', count, of: WARNING_SIGNS });
const seesChildrenOften: Condition = { question: 'adult_contact', is: ['lives_with_children', 'regular_contact'] };

/**
 * How urgent a worry about someone else is. Each row follows the toolkit's own
 * guidance (content/toolkit/what-to-do and warning-signs): anything that alone means
 * a child may be being harmed is "act now", with the police and social work routes.
 */
export const SOMEONE_ELSE_TABLE: RuleTable = {
  levels: ['act_now', 'talk_soon', 'keep_watch'],
  rules: [
    // Alone, each of these means act today.
    { when: { question: 'urgency', is: ['danger_now'] }, atLeast: 'act_now', urgent: 'child_in_danger', because: 'A child may be in danger now: call 999 (what to do: right now).' },
    { when: { question: 'child_told', is: ['yes'] }, atLeast: 'act_now', because: 'A child has told: social work or the police the same day (what to do: right now).' },
    { when: { question: 'adult_behaviour', is: ['arranged_to_meet'] }, atLeast: 'act_now', urgent: 'child_in_danger', because: 'An adult arranging to meet a child: 999 if they are on their way (what to do: right now).' },
    { when: { question: 'adult_behaviour', is: ['sexual_contact'] }, atLeast: 'act_now', urgent: 'child_in_danger', because: 'Sexual contact with a child is abuse: the police or social work today.' },
    { when: { question: 'adult_behaviour', is: ['sexual_messages'] }, atLeast: 'act_now', because: 'An adult sending a child sexual messages: Police Scotland on 101 (police or social work).' },
    { when: { question: 'adult_behaviour', is: ['images'] }, atLeast: 'act_now', because: 'Sexual images of children: Police Scotland on 101 (warning signs online).' },
    { when: { question: 'child_behaviour', is: ['pressure_or_force'] }, atLeast: 'act_now', because: 'Force, threats or tricks with another child: harmful, and another child may be hurt (when to worry).' },
    { when: { question: 'child_behaviour', is: ['with_younger_child'] }, atLeast: 'act_now', because: 'A much younger child may have been harmed: social work or 101 (when to worry).' },
    { when: { question: 'child_behaviour', is: ['sharing_images'] }, atLeast: 'act_now', because: 'Sexual images of a child are being shared: get them removed and get advice today.' },
    // Combinations: signs that together are a reason to act (why one sign alone proves nothing).
    { when: signs(3), atLeast: 'act_now', because: 'Three or more warning signs together.' },
    { when: { all: [signs(2), seesChildrenOften] }, atLeast: 'act_now', because: 'Two or more signs in an adult who lives with or often sees children.' },
    { when: { all: [signs(2), { question: 'urgency', is: ['recently'] }] }, atLeast: 'act_now', because: 'Two or more signs, and something worrying happened recently.' },
    { when: { question: 'adult_behaviour', count: 2, of: ['online_contact', 'gifts_or_secrets'] }, atLeast: 'act_now', because: 'Private online contact with secrets or gifts: the pattern of online grooming (warning signs online).' },
    // Alone, each of these is worth talking through soon.
    { when: signs(1), atLeast: 'talk_soon', because: 'One warning sign: write it down and talk it through this week.' },
    { when: { question: 'child_behaviour', is: ['knowledge_beyond_age', 'harmful_content'] }, atLeast: 'talk_soon', because: 'The child may have seen or heard something they should not have (when to worry).' },
    { when: { question: 'child_told', is: ['not_sure'] }, atLeast: 'talk_soon', because: 'A hint or part of a disclosure: children often tell a little at first.' },
    { when: { question: 'urgency', is: ['recently'] }, atLeast: 'talk_soon', because: 'Something worrying happened recently.' },
  ],
};

export const someoneElse: CheckDefinition = {
  id: 'someone-else',
  // 2: the adult's behaviour separates messages to a child from talk about children, and adds meeting and contact.
  version: 2,
  questions: [
    { id: 'who', type: 'single', options: ['adult', 'child', 'young_person'] },
    { id: 'your_role', type: 'single', options: ['parent_or_carer', 'partner', 'relative_or_friend', 'professional'] },
    {
      id: 'adult_behaviour',
      type: 'multiple',
      options: ['time_alone', 'gifts_or_secrets', 'sexual_talk', 'ignores_boundaries', 'online_contact', 'sexual_messages', 'arranged_to_meet', 'sexual_contact', 'images', 'other'],
      showIf: aboutAnAdult,
    },
    { id: 'adult_contact', type: 'single', options: ['lives_with_children', 'regular_contact', 'some_contact', 'not_sure'], showIf: aboutAnAdult },
    {
      id: 'child_behaviour',
      type: 'multiple',
      options: ['knowledge_beyond_age', 'with_younger_child', 'pressure_or_force', 'sharing_images', 'harmful_content', 'other'],
      showIf: aboutAChild,
    },
    { id: 'child_told', type: 'single', options: ['yes', 'no', 'not_sure'] },
    { id: 'urgency', type: 'single', options: ['danger_now', 'recently', 'unsure'] },
    { id: 'talked_to', type: 'multiple', options: ['the_person', 'police', 'social_work', 'school_or_gp', 'helpline', 'nobody'], exclusive: ['nobody'] },
  ],
  table: SOMEONE_ELSE_TABLE,
  bands: ['act_now', 'talk_soon', 'keep_watch', 'at_work_act_now', 'at_work'],
  sections: [
    'child_told',
    'adult_signs',
    'signs_together',
    'adult_lives_with_children',
    'child_expected',
    'child_harmful',
    'images_online',
    'professional_duty',
    'not_alone',
    'your_partner',
    'already_reported',
  ],
  reasons: [
    'duty_today',
    'right_now',
    'police_or_social_work',
    'local_help',
    'helpline',
    'warning_signs',
    'talking_to_adult',
    'safety_plan',
    'childrens_behaviour',
    'how_to_respond',
    'online',
    'professionals',
    'disclosure',
    'what_to_do',
  ],
  result(a: Answers): CheckResult {
    const { level, urgent } = applyTable(SOMEONE_ELSE_TABLE, a);
    const actNow = level === 'act_now';
    // A professional has a duty: their result speaks to that first, whatever the level.
    const band = atWork(a) ? (actNow ? 'at_work_act_now' : 'at_work') : level;
    const childTold = chose(a, 'child_told', 'yes');

    const sections: string[] = [];
    if (atWork(a)) sections.push('professional_duty');
    if (childTold) sections.push('child_told');
    if (aboutAnAdult(a)) sections.push(holds(a, signs(2)) || actNow ? 'signs_together' : 'adult_signs');
    if (holds(a, seesChildrenOften)) sections.push('adult_lives_with_children');
    if (aboutAChild(a)) sections.push(chose(a, 'child_behaviour', 'with_younger_child', 'pressure_or_force', 'sharing_images', 'harmful_content') ? 'child_harmful' : 'child_expected');
    if (chose(a, 'child_behaviour', 'sharing_images') || chose(a, 'adult_behaviour', 'images', 'sexual_messages', 'online_contact', 'arranged_to_meet')) sections.push('images_online');
    if (chose(a, 'talked_to', 'nobody')) sections.push('not_alone');
    if (chose(a, 'your_role', 'partner') && aboutAnAdult(a)) sections.push('your_partner');
    if (chose(a, 'talked_to', 'police', 'social_work')) sections.push('already_reported');

    const steps: CheckResult['nextSteps'] = [];
    if (atWork(a)) steps.push({ path: '/toolkit/for-professionals/recording-and-referring', reason: 'duty_today' });
    if (actNow) steps.push({ path: '/toolkit/what-to-do/right-now', reason: 'right_now' }, { path: '/toolkit/what-to-do/police-or-social-work', reason: 'police_or_social_work' });
    steps.push({ path: '/local-help', reason: 'local_help' });
    if (atWork(a) && childTold) steps.push({ path: '/toolkit/for-professionals/responding-to-a-disclosure', reason: 'disclosure' });
    steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline' });
    if (atWork(a)) steps.push({ path: '/toolkit/for-professionals', reason: 'professionals' });
    if (aboutAnAdult(a)) {
      steps.push({ path: '/toolkit/warning-signs', reason: 'warning_signs' });
      if (!actNow) steps.push({ path: '/toolkit/talking-about-it/talking-to-an-adult', reason: 'talking_to_adult' });
      if (holds(a, seesChildrenOften)) steps.push({ path: '/toolkit/family-safety-plan', reason: 'safety_plan' });
      if (chose(a, 'adult_behaviour', 'images', 'online_contact', 'sexual_messages', 'arranged_to_meet')) steps.push({ path: '/toolkit/warning-signs/online', reason: 'online' });
    }
    if (aboutAChild(a)) {
      steps.push({ path: '/toolkit/childrens-sexual-behaviour', reason: 'childrens_behaviour' }, { path: '/toolkit/childrens-sexual-behaviour/how-to-respond', reason: 'how_to_respond' });
      if (chose(a, 'child_behaviour', 'sharing_images', 'harmful_content')) steps.push({ path: '/toolkit/childrens-sexual-behaviour/online-behaviour', reason: 'online' });
    }
    if (!actNow) steps.push({ path: '/toolkit/what-to-do', reason: 'what_to_do' });
    return { level, band, sections, nextSteps: steps, urgent };
  },
};
