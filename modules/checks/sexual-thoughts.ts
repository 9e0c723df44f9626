import { applyTable, chose, holds, scale, type Answers, type CheckDefinition, type CheckResult, type Condition, type RuleTable } from './definition';

const actedWithAChild = (a: Answers) => chose(a, 'acted', 'came_close', 'touched');
const arousing: Condition = { question: 'nature', is: ['arousing', 'both'] };
const yearsLong: Condition = { question: 'how_long', is: ['a_few_years', 'as_long_as_i_remember'] };
const longStanding = (a: Answers) => holds(a, { all: [yearsLong, arousing] });
const recentOrChildNear: Condition = {
  atLeastOf: 1,
  conditions: [
    { question: 'when_last', is: ['this_week', 'this_year'] },
    { question: 'child_still_around', is: ['yes', 'not_sure'] },
  ],
};
const livesWithChildren: Condition = { question: 'situations', is: ['live_with_children'] };

/**
 * How urgent a worry about one's own sexual thoughts is. Touching a child, or coming
 * close recently or with the child still near, means a child may be at risk now. So
 * does arousal with children in the home and nothing yet in place, or images with
 * children in the home. Thoughts that arouse, last for years, are overwhelming or come
 * with thoughts of suicide need help soon. Only unwanted thoughts, never acted on,
 * keep the mildest band.
 */
export const SEXUAL_THOUGHTS_TABLE: RuleTable = {
  levels: ['act_now', 'talk_soon', 'keep_it_that_way'],
  rules: [
    { when: { question: 'acted', is: ['touched'] }, atLeast: 'act_now', because: 'A child has been touched sexually: their safety comes first.' },
    { when: { all: [{ question: 'acted', is: ['touched'] }, recentOrChildNear] }, atLeast: 'act_now', urgent: 'child_at_risk_from_me', because: 'Recently, or the child is still near: a child may be at risk now.' },
    { when: { all: [{ question: 'acted', is: ['came_close'] }, recentOrChildNear] }, atLeast: 'act_now', urgent: 'child_at_risk_from_me', because: 'Came close recently, or the child is still near: a child may be at risk now.' },
    { when: { all: [arousing, livesWithChildren] }, atLeast: 'act_now', because: 'Arousal with children living at home: a safety plan today.' },
    { when: { all: [{ question: 'acted', is: ['looked_at_images'] }, livesWithChildren] }, atLeast: 'act_now', because: 'Images of children, with children living at home: a safety plan today.' },
    { when: { question: 'acted', is: ['came_close', 'looked_at_images', 'prefer_not_to_say'] }, atLeast: 'talk_soon', because: 'Acted, came close, or would rather not say.' },
    { when: { question: 'nature', is: ['arousing', 'both', 'not_sure', 'prefer_not_to_say'] }, atLeast: 'talk_soon', because: 'Thoughts that arouse, or may: help to stay in control.' },
    { when: yearsLong, atLeast: 'talk_soon', because: 'Thoughts for years rarely fade on their own.' },
    { when: { question: 'distress', atLeast: 8 }, atLeast: 'talk_soon', because: 'Distress this strong needs someone to talk to soon.' },
    { when: { question: 'thoughts_of_suicide', is: ['yes', 'sometimes'] }, atLeast: 'talk_soon', urgent: 'suicide', because: 'Thoughts of suicide: urgent help first.' },
  ],
};

export const sexualThoughts: CheckDefinition = {
  id: 'sexual-thoughts',
  version: 1,
  questions: [
    { id: 'nature', type: 'single', options: ['unwanted', 'arousing', 'both', 'not_sure'], preferNotToSay: true },
    { id: 'how_long', type: 'single', options: ['recently', 'a_few_years', 'as_long_as_i_remember'], preferNotToSay: true },
    { id: 'distress', type: 'scale', min: 0, max: 10 },
    {
      id: 'situations',
      type: 'multiple',
      options: ['live_with_children', 'family_or_friends_children', 'work_or_volunteering', 'avoid_children', 'no_contact'],
      exclusive: ['no_contact'],
      preferNotToSay: true,
    },
    { id: 'acted', type: 'multiple', options: ['never', 'looked_at_images', 'came_close', 'touched'], exclusive: ['never'], preferNotToSay: true },
    { id: 'when_last', type: 'single', options: ['this_week', 'this_year', 'over_a_year_ago'], preferNotToSay: true, showIf: actedWithAChild },
    { id: 'child_still_around', type: 'single', options: ['yes', 'no', 'not_sure'], preferNotToSay: true, showIf: actedWithAChild },
    { id: 'support', type: 'multiple', options: ['partner_or_family', 'friend', 'gp_or_therapist', 'nobody'], exclusive: ['nobody'], preferNotToSay: true },
    { id: 'thoughts_of_suicide', type: 'single', options: ['yes', 'sometimes', 'no'], preferNotToSay: true },
  ],
  table: SEXUAL_THOUGHTS_TABLE,
  bands: ['act_now', 'talk_soon', 'keep_it_that_way'],
  sections: ['child_first', 'home_plan', 'intrusive_thoughts', 'arousal', 'long_standing', 'acted_with_child', 'images', 'children_around_you', 'nobody_to_talk_to', 'feeling_very_low'],
  reasons: ['helpline_now', 'fantasy', 'permission', 'emotions', 'relationships', 'gp', 'impact', 'plan'],
  result(a: Answers): CheckResult {
    const { level, urgent } = applyTable(SEXUAL_THOUGHTS_TABLE, a);
    const band = level;
    const suicidal = chose(a, 'thoughts_of_suicide', 'yes', 'sometimes');
    // Reassurance only for someone who said plainly that they have never acted.
    const onlyUnwanted = chose(a, 'nature', 'unwanted') && chose(a, 'acted', 'never');

    const sections: string[] = [];
    if (actedWithAChild(a) && holds(a, recentOrChildNear)) sections.push('child_first');
    if (band === 'act_now' && holds(a, livesWithChildren)) sections.push('home_plan');
    if (chose(a, 'nature', 'unwanted', 'both', 'not_sure')) sections.push('intrusive_thoughts');
    if (chose(a, 'nature', 'arousing', 'both')) sections.push('arousal');
    if (longStanding(a)) sections.push('long_standing');
    if (actedWithAChild(a)) sections.push('acted_with_child');
    if (chose(a, 'acted', 'looked_at_images')) sections.push('images');
    if (chose(a, 'situations', 'live_with_children', 'family_or_friends_children', 'work_or_volunteering')) sections.push('children_around_you');
    if (chose(a, 'support', 'nobody')) sections.push('nobody_to_talk_to');
    if (suicidal || (scale(a, 'distress') ?? 0) >= 9) sections.push('feeling_very_low');

    const steps: CheckResult['nextSteps'] = [];
    if (band !== 'keep_it_that_way') steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline_now' });
    steps.push({ path: '/self-help/fantasy-and-thoughts', reason: 'fantasy' });
    if (band === 'keep_it_that_way' || longStanding(a) || (scale(a, 'distress') ?? 0) >= 7) steps.push({ path: '/self-help/fantasy-and-thoughts/professional-help', reason: 'gp' });
    if (!onlyUnwanted) steps.push({ path: '/self-help/permission-giving-thoughts', reason: 'permission' });
    if (chose(a, 'acted', 'looked_at_images', 'came_close', 'touched')) steps.push({ path: '/self-help/impact-on-children', reason: 'impact' });
    if (suicidal || (scale(a, 'distress') ?? 0) >= 7) steps.push({ path: '/self-help/emotions-and-coping', reason: 'emotions' });
    if (chose(a, 'support', 'nobody')) steps.push({ path: '/self-help/healthy-relationships-and-sexuality', reason: 'relationships' });
    steps.push({ path: '/self-help/my-plan-for-change', reason: 'plan' });
    return { level, band, sections, nextSteps: steps, urgent };
  },
};
