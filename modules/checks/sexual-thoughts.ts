import { chose, scale, type Answers, type CheckDefinition, type CheckResult } from './definition';

const actedWithAChild = (a: Answers) => chose(a, 'acted', 'came_close', 'touched');
const longStanding = (a: Answers) => chose(a, 'how_long', 'a_few_years', 'as_long_as_i_remember') && chose(a, 'nature', 'arousing', 'both');

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
  bands: ['act_now', 'talk_soon', 'keep_it_that_way'],
  sections: ['intrusive_thoughts', 'arousal', 'long_standing', 'acted_with_child', 'images', 'children_around_you', 'nobody_to_talk_to', 'feeling_very_low'],
  reasons: ['helpline_now', 'fantasy', 'permission', 'emotions', 'relationships', 'gp', 'impact', 'plan'],
  result(a: Answers): CheckResult {
    const urgent: CheckResult['urgent'] = [];
    const suicidal = chose(a, 'thoughts_of_suicide', 'yes', 'sometimes');
    if (suicidal) urgent.push('suicide');
    const recentOrOngoing = chose(a, 'when_last', 'this_week', 'this_year') || chose(a, 'child_still_around', 'yes', 'not_sure');
    const touched = chose(a, 'acted', 'touched');
    const childAtRisk = actedWithAChild(a) && recentOrOngoing;
    if (childAtRisk) urgent.push('child_in_danger');

    const sections: string[] = [];
    // Reassurance only for someone who said plainly that they have never acted.
    const onlyUnwanted = chose(a, 'nature', 'unwanted') && chose(a, 'acted', 'never');
    if (chose(a, 'nature', 'unwanted', 'both', 'not_sure')) sections.push('intrusive_thoughts');
    if (chose(a, 'nature', 'arousing', 'both')) sections.push('arousal');
    if (longStanding(a)) sections.push('long_standing');
    if (actedWithAChild(a)) sections.push('acted_with_child');
    if (chose(a, 'acted', 'looked_at_images')) sections.push('images');
    if (chose(a, 'situations', 'live_with_children', 'family_or_friends_children', 'work_or_volunteering')) sections.push('children_around_you');
    if (chose(a, 'support', 'nobody')) sections.push('nobody_to_talk_to');
    if (suicidal || (scale(a, 'distress') ?? 0) >= 9) sections.push('feeling_very_low');

    // A child was touched, or someone came close recently or with a child still near: act now.
    const band = touched || childAtRisk ? 'act_now' : onlyUnwanted ? 'keep_it_that_way' : 'talk_soon';

    const steps: CheckResult['nextSteps'] = [];
    if (band !== 'keep_it_that_way') steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline_now' });
    steps.push({ path: '/self-help/fantasy-and-thoughts', reason: 'fantasy' });
    if (onlyUnwanted || longStanding(a) || (scale(a, 'distress') ?? 0) >= 7) steps.push({ path: '/self-help/fantasy-and-thoughts/professional-help', reason: 'gp' });
    if (!onlyUnwanted) steps.push({ path: '/self-help/permission-giving-thoughts', reason: 'permission' });
    if (chose(a, 'acted', 'looked_at_images', 'came_close', 'touched')) steps.push({ path: '/self-help/impact-on-children', reason: 'impact' });
    if (suicidal || (scale(a, 'distress') ?? 0) >= 7) steps.push({ path: '/self-help/emotions-and-coping', reason: 'emotions' });
    if (chose(a, 'support', 'nobody')) steps.push({ path: '/self-help/healthy-relationships-and-sexuality', reason: 'relationships' });
    steps.push({ path: '/self-help/my-plan-for-change', reason: 'plan' });
    return { band, sections, nextSteps: steps, urgent };
  },
};
