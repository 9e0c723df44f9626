import { chose, scale, type Answers, type CheckDefinition, type CheckResult } from './definition';

const viewedSomething = (a: Answers) => !chose(a, 'what_viewed', 'none_yet');

export const onlineViewing: CheckDefinition = {
  id: 'online-viewing',
  version: 1,
  questions: [
    {
      id: 'what_viewed',
      type: 'multiple',
      options: ['young_looking_adults', 'images_under_18', 'ai_or_drawn', 'chat_young_people', 'none_yet'],
      exclusive: ['none_yet'],
      preferNotToSay: true,
    },
    {
      id: 'youngest',
      type: 'single',
      options: ['all_adults', 'age_16_17', 'age_13_15', 'under_13', 'not_sure'],
      preferNotToSay: true,
      showIf: (a) => chose(a, 'what_viewed', 'images_under_18', 'ai_or_drawn', 'young_looking_adults'),
    },
    { id: 'how_often', type: 'single', options: ['every_day', 'every_week', 'every_month', 'once_or_twice'], preferNotToSay: true, showIf: viewedSomething },
    { id: 'how_long', type: 'single', options: ['under_a_month', 'months', 'over_a_year'], preferNotToSay: true, showIf: viewedSomething },
    {
      id: 'changed',
      type: 'multiple',
      options: ['younger', 'more_extreme', 'more_often', 'searching_more', 'contact_online', 'not_changed'],
      exclusive: ['not_changed'],
      preferNotToSay: true,
      showIf: viewedSomething,
    },
    {
      id: 'met_or_arranged',
      type: 'single',
      options: ['met', 'arranged', 'thought_about_it', 'never'],
      preferNotToSay: true,
      showIf: (a) => chose(a, 'what_viewed', 'chat_young_people') || chose(a, 'changed', 'contact_online'),
    },
    { id: 'tried_to_stop', type: 'single', options: ['stopped', 'tried_keep_going_back', 'not_tried'], preferNotToSay: true, showIf: viewedSomething },
    { id: 'how_you_feel', type: 'scale', min: 0, max: 10 },
    { id: 'knows_law', type: 'single', options: ['know', 'not_sure', 'did_not_know'] },
    { id: 'contact_with_children', type: 'multiple', options: ['at_home', 'family_or_friends', 'work_or_volunteering', 'no_contact'], exclusive: ['no_contact'], preferNotToSay: true },
    { id: 'thoughts_of_suicide', type: 'single', options: ['yes', 'sometimes', 'no'], preferNotToSay: true },
  ],
  bands: ['act_now', 'talk_soon', 'keep_it_that_way'],
  sections: ['law_images', 'law_ai_and_drawn', 'law_chat', 'escalation', 'children_around_you', 'not_yet_viewed', 'feeling_very_low'],
  reasons: ['helpline_now', 'understanding_why', 'compulsion', 'online_world', 'impact', 'law', 'plan', 'emotions', 'chatting'],
  result(a: Answers): CheckResult {
    const urgent: CheckResult['urgent'] = [];
    const suicidal = chose(a, 'thoughts_of_suicide', 'yes', 'sometimes');
    if (suicidal) urgent.push('suicide');
    const metOrArranged = chose(a, 'met_or_arranged', 'met', 'arranged');
    if (metOrArranged) urgent.push('child_in_danger');

    const sections: string[] = [];
    if (chose(a, 'what_viewed', 'images_under_18') || chose(a, 'youngest', 'age_16_17', 'age_13_15', 'under_13')) sections.push('law_images');
    if (chose(a, 'what_viewed', 'ai_or_drawn')) sections.push('law_ai_and_drawn');
    if (chose(a, 'what_viewed', 'chat_young_people') || chose(a, 'changed', 'contact_online')) sections.push('law_chat');
    const escalating = chose(a, 'changed', 'younger', 'more_extreme', 'more_often', 'searching_more', 'contact_online');
    if (escalating) sections.push('escalation');
    if (chose(a, 'contact_with_children', 'at_home', 'family_or_friends', 'work_or_volunteering')) sections.push('children_around_you');
    if (!viewedSomething(a)) sections.push('not_yet_viewed');
    if (suicidal || (scale(a, 'how_you_feel') ?? 0) >= 9) sections.push('feeling_very_low');

    // Anyone under 18 is a child in the law of Scotland, 16 and 17 year olds included.
    const viewedChildren = chose(a, 'what_viewed', 'images_under_18', 'ai_or_drawn', 'chat_young_people') || chose(a, 'youngest', 'age_16_17', 'age_13_15', 'under_13');
    // Someone who came to this check but would rather not say what they saw is not told all is well.
    const unsaid = chose(a, 'what_viewed', 'prefer_not_to_say');
    const cannotStop = chose(a, 'tried_to_stop', 'tried_keep_going_back', 'not_tried');
    // A child may be at risk: act now. Viewing children, or viewing that is growing or
    // will not stop: talk to someone soon. Otherwise: keep it that way.
    const band = metOrArranged ? 'act_now' : viewedChildren || escalating || unsaid || (cannotStop && viewedSomething(a)) ? 'talk_soon' : 'keep_it_that_way';

    const steps: CheckResult['nextSteps'] = [];
    if (band !== 'keep_it_that_way') steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline_now' });
    if (metOrArranged || chose(a, 'what_viewed', 'chat_young_people')) steps.push({ path: '/self-help/the-online-world/chatting-with-young-people', reason: 'chatting' });
    if (cannotStop || escalating) steps.push({ path: '/self-help/compulsion-and-habits', reason: 'compulsion' });
    if (viewedChildren) steps.push({ path: '/self-help/impact-on-children', reason: 'impact' });
    steps.push({ path: '/self-help/the-online-world', reason: 'online_world' });
    if (viewedChildren || chose(a, 'knows_law', 'not_sure', 'did_not_know')) steps.push({ path: '/self-help/the-law-and-after-an-arrest/what-the-law-says', reason: 'law' });
    if (!viewedSomething(a)) steps.push({ path: '/self-help/understanding-why', reason: 'understanding_why' });
    if (suicidal || (scale(a, 'how_you_feel') ?? 0) >= 7) steps.push({ path: '/self-help/emotions-and-coping', reason: 'emotions' });
    steps.push({ path: '/self-help/my-plan-for-change', reason: 'plan' });
    return { band, sections, nextSteps: steps, urgent };
  },
};
