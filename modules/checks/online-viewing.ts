import { applyTable, chose, holds, scale, type Answers, type CheckDefinition, type CheckResult, type Condition, type RuleTable } from './definition';

const viewedSomething = (a: Answers) => !chose(a, 'what_viewed', 'none_yet');

// Anyone under 18 is a child in the law of Scotland, 16 and 17 year olds included.
const viewedChildren: Condition = { question: 'what_viewed', is: ['images_under_18', 'ai_or_drawn'] };
const lookedUnder18: Condition = { question: 'youngest', is: ['age_16_17', 'age_13_15', 'under_13'] };
/** Each of these makes viewing children more serious; two together with it mean act now. */
const AGGRAVATING: Condition[] = [
  { question: 'youngest', is: ['under_13'] },
  { question: 'how_often', is: ['every_day', 'every_week'] },
  { question: 'how_long', is: ['over_a_year'] },
  { question: 'changed', is: ['younger', 'more_extreme', 'more_often', 'searching_more'] },
  { question: 'tried_to_stop', is: ['tried_keep_going_back'] },
  { question: 'how_you_feel', atLeast: 8 },
];

/**
 * How urgent a worry about one's own viewing is. Contact with a child (chat, meeting)
 * means a child may be at risk now; viewing children is serious and worth help soon,
 * and becomes act-now with children at home or when it is frequent, long, growing,
 * very young, will not stop or is overwhelming, two of these together.
 */
export const ONLINE_VIEWING_TABLE: RuleTable = {
  levels: ['act_now', 'talk_soon', 'keep_it_that_way'],
  rules: [
    { when: { question: 'met_or_arranged', is: ['met', 'arranged'] }, atLeast: 'act_now', urgent: 'child_at_risk_from_me', because: 'Meeting, or arranging to meet, a young person from online: a child may be at risk now.' },
    { when: { question: 'what_viewed', is: ['chat_young_people'] }, atLeast: 'act_now', because: 'Sexual chat or messages with someone under 18 harms them: stop today.' },
    { when: { question: 'changed', is: ['contact_online'] }, atLeast: 'act_now', because: 'Contacting young people online: a child may be at risk.' },
    { when: { all: [viewedChildren, { question: 'contact_with_children', is: ['at_home'] }] }, atLeast: 'act_now', because: 'Viewing children, with children living or staying at home: a plan to keep them safe today.' },
    { when: { all: [viewedChildren, { atLeastOf: 2, conditions: AGGRAVATING }] }, atLeast: 'act_now', because: 'Viewing children, with two of: under 13, weekly or more, over a year, growing, cannot stop, overwhelming.' },
    { when: viewedChildren, atLeast: 'talk_soon', because: 'Images of under-18s, or made to look like them: illegal, and harm real children.' },
    { when: lookedUnder18, atLeast: 'talk_soon', because: 'The youngest looked under 18: children in law.' },
    { when: { question: 'met_or_arranged', is: ['thought_about_it'] }, atLeast: 'talk_soon', because: 'Thinking about meeting a young person.' },
    { when: { atLeastOf: 1, conditions: AGGRAVATING }, atLeast: 'talk_soon', because: 'Any one of: under 13, weekly or more, over a year, growing, cannot stop, overwhelming.' },
    { when: { question: 'tried_to_stop', is: ['not_tried'] }, atLeast: 'talk_soon', because: 'Not yet tried to stop.' },
    { when: { question: 'what_viewed', is: ['prefer_not_to_say'] }, atLeast: 'talk_soon', because: 'Someone who would rather not say what they saw is not told all is well.' },
    { when: { question: 'thoughts_of_suicide', is: ['yes', 'sometimes'] }, atLeast: 'talk_soon', urgent: 'suicide', because: 'Thoughts of suicide: urgent help first.' },
  ],
};

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
  table: ONLINE_VIEWING_TABLE,
  bands: ['act_now', 'talk_soon', 'keep_it_that_way'],
  sections: ['meeting', 'chat_now', 'law_images', 'law_ai_and_drawn', 'law_chat', 'escalation', 'children_around_you', 'not_yet_viewed', 'feeling_very_low'],
  reasons: ['helpline_now', 'understanding_why', 'compulsion', 'online_world', 'impact', 'law', 'plan', 'emotions', 'chatting'],
  result(a: Answers): CheckResult {
    const { level, urgent } = applyTable(ONLINE_VIEWING_TABLE, a);
    const band = level;
    const suicidal = chose(a, 'thoughts_of_suicide', 'yes', 'sometimes');
    const metOrArranged = chose(a, 'met_or_arranged', 'met', 'arranged');
    const contactWithChildren = chose(a, 'what_viewed', 'chat_young_people') || chose(a, 'changed', 'contact_online');

    const sections: string[] = [];
    if (metOrArranged) sections.push('meeting');
    else if (contactWithChildren) sections.push('chat_now');
    if (chose(a, 'what_viewed', 'images_under_18') || holds(a, lookedUnder18)) sections.push('law_images');
    if (chose(a, 'what_viewed', 'ai_or_drawn')) sections.push('law_ai_and_drawn');
    if (contactWithChildren) sections.push('law_chat');
    const escalating = chose(a, 'changed', 'younger', 'more_extreme', 'more_often', 'searching_more', 'contact_online');
    if (escalating) sections.push('escalation');
    if (chose(a, 'contact_with_children', 'at_home', 'family_or_friends', 'work_or_volunteering')) sections.push('children_around_you');
    if (!viewedSomething(a)) sections.push('not_yet_viewed');
    if (suicidal || (scale(a, 'how_you_feel') ?? 0) >= 9) sections.push('feeling_very_low');

    const viewedAChild = holds(a, viewedChildren) || holds(a, lookedUnder18) || contactWithChildren;
    const cannotStop = chose(a, 'tried_to_stop', 'tried_keep_going_back', 'not_tried');
    const steps: CheckResult['nextSteps'] = [];
    if (band !== 'keep_it_that_way') steps.push({ path: '/toolkit/get-help/stop-it-now-helpline', reason: 'helpline_now' });
    if (contactWithChildren || chose(a, 'met_or_arranged', 'thought_about_it')) steps.push({ path: '/self-help/the-online-world/chatting-with-young-people', reason: 'chatting' });
    if (cannotStop || escalating) steps.push({ path: '/self-help/compulsion-and-habits', reason: 'compulsion' });
    if (viewedAChild) steps.push({ path: '/self-help/impact-on-children', reason: 'impact' });
    steps.push({ path: '/self-help/the-online-world', reason: 'online_world' });
    if (viewedAChild || chose(a, 'knows_law', 'not_sure', 'did_not_know')) steps.push({ path: '/self-help/the-law-and-after-an-arrest/what-the-law-says', reason: 'law' });
    if (!viewedSomething(a)) steps.push({ path: '/self-help/understanding-why', reason: 'understanding_why' });
    if (suicidal || (scale(a, 'how_you_feel') ?? 0) >= 7) steps.push({ path: '/self-help/emotions-and-coping', reason: 'emotions' });
    steps.push({ path: '/self-help/my-plan-for-change', reason: 'plan' });
    return { level, band, sections, nextSteps: steps, urgent };
  },
};
