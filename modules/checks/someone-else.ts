import { chose, type Answers, type CheckDefinition, type CheckResult } from './definition';

const aboutAnAdult = (a: Answers) => chose(a, 'who', 'adult');
const aboutAChild = (a: Answers) => chose(a, 'who', 'child', 'young_person');

export const someoneElse: CheckDefinition = {
  id: 'someone-else',
  version: 1,
  questions: [
    { id: 'who', type: 'single', options: ['adult', 'child', 'young_person'] },
    { id: 'your_role', type: 'single', options: ['parent_or_carer', 'partner', 'relative_or_friend', 'professional'] },
    {
      id: 'adult_behaviour',
      type: 'multiple',
      options: ['time_alone', 'gifts_or_secrets', 'sexual_talk', 'ignores_boundaries', 'images', 'online_contact', 'other'],
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
  bands: ['act_now', 'talk_soon', 'keep_watch'],
  sections: ['child_told', 'adult_signs', 'adult_lives_with_children', 'child_expected', 'child_harmful', 'professional_duty', 'not_alone', 'already_reported'],
  reasons: ['right_now', 'police_or_social_work', 'helpline', 'warning_signs', 'talking_to_adult', 'safety_plan', 'childrens_behaviour', 'how_to_respond', 'online', 'professionals', 'disclosure', 'what_to_do'],
  result(a: Answers): CheckResult {
    const urgent: CheckResult['urgent'] = [];
    const dangerNow = chose(a, 'urgency', 'danger_now');
    if (dangerNow) urgent.push('child_in_danger');
    const childTold = chose(a, 'child_told', 'yes');
    const forceOrImages = chose(a, 'child_behaviour', 'pressure_or_force') || chose(a, 'adult_behaviour', 'images');
    const concerning =
      chose(a, 'adult_behaviour', 'time_alone', 'gifts_or_secrets', 'ignores_boundaries', 'online_contact', 'sexual_talk') ||
      chose(a, 'child_behaviour', 'with_younger_child', 'sharing_images', 'harmful_content', 'knowledge_beyond_age') ||
      chose(a, 'urgency', 'recently');

    const band = dangerNow || childTold || forceOrImages ? 'act_now' : concerning ? 'talk_soon' : 'keep_watch';

    const sections: string[] = [];
    if (childTold) sections.push('child_told');
    if (aboutAnAdult(a)) sections.push('adult_signs');
    if (chose(a, 'adult_contact', 'lives_with_children', 'regular_contact')) sections.push('adult_lives_with_children');
    if (aboutAChild(a)) sections.push(chose(a, 'child_behaviour', 'with_younger_child', 'pressure_or_force', 'sharing_images', 'harmful_content') ? 'child_harmful' : 'child_expected');
    if (chose(a, 'your_role', 'professional')) sections.push('professional_duty');
    if (chose(a, 'talked_to', 'nobody')) sections.push('not_alone');
    if (chose(a, 'talked_to', 'police', 'social_work')) sections.push('already_reported');

    const steps: CheckResult['nextSteps'] = [];
    if (band === 'act_now') steps.push({ path: '/toolkit/what-to-do/right-now', reason: 'right_now' }, { path: '/toolkit/what-to-do/police-or-social-work', reason: 'police_or_social_work' });
    steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline' });
    if (chose(a, 'your_role', 'professional')) {
      steps.push({ path: '/toolkit/for-professionals', reason: 'professionals' });
      if (childTold) steps.push({ path: '/toolkit/for-professionals/responding-to-a-disclosure', reason: 'disclosure' });
    }
    if (aboutAnAdult(a)) {
      steps.push({ path: '/toolkit/warning-signs', reason: 'warning_signs' }, { path: '/toolkit/talking-about-it/talking-to-an-adult', reason: 'talking_to_adult' });
      if (chose(a, 'adult_contact', 'lives_with_children', 'regular_contact')) steps.push({ path: '/toolkit/family-safety-plan', reason: 'safety_plan' });
      if (chose(a, 'adult_behaviour', 'images', 'online_contact')) steps.push({ path: '/toolkit/warning-signs/online', reason: 'online' });
    }
    if (aboutAChild(a)) {
      steps.push({ path: '/toolkit/childrens-sexual-behaviour', reason: 'childrens_behaviour' }, { path: '/toolkit/childrens-sexual-behaviour/how-to-respond', reason: 'how_to_respond' });
      if (chose(a, 'child_behaviour', 'sharing_images', 'harmful_content')) steps.push({ path: '/toolkit/childrens-sexual-behaviour/online-behaviour', reason: 'online' });
    }
    if (band !== 'act_now') steps.push({ path: '/toolkit/what-to-do', reason: 'what_to_do' });
    return { band, sections, nextSteps: steps, urgent };
  },
};
