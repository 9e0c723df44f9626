/**
 * The words of a CHOICE report to the referrer: programme start, non-compliance,
 * progress review, completion and a programme that ended early. Pure: the caller reads
 * the case, its sessions and the programme definition, and passes only the facts a
 * report may state. Nothing else is read from `facts`: a report never carries a risk
 * score or a worker's own session notes, even if a caller passes them by mistake.
 *
 * The route decides who reads the report and what it is for: a procurator fiscal
 * deciding whether to prosecute (diversion), the justice social worker writing the
 * supplementary report for the court (structured deferred sentence), or the
 * supervising officer (community payback order, another community order, licence).
 */
import type { ReferralRoute } from '../../db/schema';
import type { EndEarlyReason } from '../referrals/case-machine';
import { dayInScotland, formatDay } from '../referrals/dates';
import { ROUTE_LABELS } from '../referrals/labels';

export const REPORT_KINDS = ['programme_start', 'non_compliance', 'progress_review', 'completion', 'ended_early'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A day as 'YYYY-MM-DD' (as PostgreSQL's `date` columns are read) or a moment, read as the day in Scotland. */
export type ReportDay = string | Date;

export interface ReportAbsence {
  date: ReportDay;
  /** Whether the worker accepted the reason for the absence. */
  acceptable: boolean;
}

export interface ReportModule {
  key: string;
  title: string;
  plannedSessions: number;
}

/** The programme definition's templates, keyed as the definition keys them. */
export interface ReportTemplates {
  programmeStart?: string;
  nonCompliance?: string;
  progressReview?: string;
  completion?: string;
}

export interface ReportFacts {
  reference: string;
  route: ReferralRoute;
  referrerOrganisation: string;
  personName: string;
  dateOfBirth: string | null;
  /** The fiscal's decision date, the court date, or the review or report date, by route. */
  decisionDate: string | null;
  programme: {
    label: string;
    modules: ReportModule[];
    reportTemplates?: ReportTemplates;
  };
  sessions: {
    attended: number;
    planned: number;
    absences: ReportAbsence[];
    /** Keys of the modules worked on so far, in the programme's order or the order they were covered. */
    modulesCovered: string[];
    /** The first session he attended, if any. */
    firstSessionDate?: ReportDay | null;
    /** The last session he attended, if any. */
    lastSessionDate?: ReportDay | null;
  };
  endReason?: EndEarlyReason | null;
  /** The day the programme ended (completion or ending early); the report's own day if not given. */
  endedOn?: ReportDay | null;
  /** The report's one author: the case's worker when it was prepared. */
  workerName: string;
  /** How the referrer reaches the worker (their work email). */
  workerEmail?: string | null;
  /** How the referrer reaches the service, from the programme definition when the report was prepared. */
  serviceContact?: { phone: string; email: string; address: string } | null;
  /** For an early end: what happened, as the worker recorded it with the step. */
  endDetail?: string | null;
  managerName?: string | null;
  signedOffAt?: ReportDay | null;
  generatedOn: ReportDay;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  list?: string[];
}

export interface Report {
  kind: ReportKind;
  title: string;
  /** Who the report is for, in one line. */
  audience: string;
  /** The opening paragraph: the programme's template, filled in, or the text the manager edited it to. */
  introduction: string;
  sections: ReportSection[];
  /** What the report leaves out, printed at its foot. */
  footer: string;
}

export interface BuildReportOptions {
  /** The introduction as a manager edited it; replaces the programme template's text. */
  introduction?: string | null;
}

export const REPORT_TITLES: Record<ReportKind, string> = {
  programme_start: 'CHOICE programme start report',
  non_compliance: 'CHOICE non-compliance report',
  progress_review: 'CHOICE progress review',
  completion: 'CHOICE completion report',
  ended_early: 'CHOICE report: programme ended early',
};

export const REPORT_FOOTER =
  'This report states attendance and the work covered. It contains no risk assessment or score and none of the worker’s session notes. It is confidential to the people it is addressed to.';

const TEMPLATE_KEY: Record<ReportKind, keyof ReportTemplates | null> = {
  programme_start: 'programmeStart',
  non_compliance: 'nonCompliance',
  progress_review: 'progressReview',
  completion: 'completion',
  ended_early: null,
};

/** Any day as it is printed: '23 November 2026'. */
export function reportDay(value: ReportDay): string {
  const day = typeof value === 'string' ? value.slice(0, 10) : dayInScotland(value);
  return formatDay(day);
}

const dayKey = (value: ReportDay) => (typeof value === 'string' ? value.slice(0, 10) : dayInScotland(value));

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const ROUTE_GROUP: Record<ReferralRoute, 'fiscal' | 'court' | 'supervisor'> = {
  diversion: 'fiscal',
  structured_deferred_sentence: 'court',
  community_payback_order: 'supervisor',
  other_community_order: 'supervisor',
  licence: 'supervisor',
};

/** What the man is subject to, as the supervising officer's sentence reads it. */
const SUPERVISED_BY: Record<ReferralRoute, string> = {
  diversion: '',
  structured_deferred_sentence: '',
  community_payback_order: 'his community payback order',
  other_community_order: 'his community order',
  licence: 'his licence',
};

const ENDED_BECAUSE: Record<EndEarlyReason, string> = {
  non_compliance: 'because he did not attend as the programme requires',
  withdrawn: 'because he withdrew from the programme',
  breached: 'following a breach',
  returned_to_referrer: 'and the case has been returned to you',
};

const PURPOSE: Record<ReportKind, string> = {
  programme_start: 'tell you that he has started the programme',
  non_compliance: 'tell you that his attendance has reached the programme’s non-compliance rule',
  progress_review: 'set out his progress so far',
  completion: 'tell you that he has completed the programme',
  ended_early: 'tell you that his place on the programme has ended before completion',
};

function audienceLine(facts: ReportFacts): string {
  const organisation = facts.referrerOrganisation;
  switch (ROUTE_GROUP[facts.route]) {
    case 'fiscal':
      return `For the procurator fiscal, ${organisation}`;
    case 'court':
      return facts.decisionDate
        ? `For the justice social worker, ${organisation}, preparing the supplementary report for the court on ${reportDay(facts.decisionDate)}`
        : `For the justice social worker, ${organisation}, preparing the supplementary report for the court`;
    case 'supervisor':
      return `For the supervising officer, ${organisation}`;
  }
}

function audienceParagraph(kind: ReportKind, facts: ReportFacts): string {
  const name = facts.personName;
  const purpose = PURPOSE[kind];
  switch (ROUTE_GROUP[facts.route]) {
    case 'fiscal': {
      const when = facts.decisionDate ? ` The decision date given on the referral is ${reportDay(facts.decisionDate)}.` : '';
      return `This report is for the procurator fiscal considering whether to prosecute ${name}, who was referred to CHOICE as diversion from prosecution. It is to ${purpose}.${when}`;
    }
    case 'court': {
      const court = facts.decisionDate ? `the court on ${reportDay(facts.decisionDate)}` : 'the court when the deferred sentence next calls';
      return `This report is for the justice social worker preparing the supplementary report for ${court}, after ${name}’s sentence was deferred for him to attend CHOICE. It is to ${purpose}.`;
    }
    case 'supervisor':
      return `This report is for the supervising officer responsible for ${SUPERVISED_BY[facts.route]}, under which ${name} was referred to CHOICE. It is to ${purpose}.`;
  }
}

function unacceptable(facts: ReportFacts): ReportAbsence[] {
  return facts.sessions.absences.filter((absence) => !absence.acceptable);
}

function sortedAbsences(facts: ReportFacts): ReportAbsence[] {
  return [...facts.sessions.absences].sort((a, b) => dayKey(a.date).localeCompare(dayKey(b.date)));
}

function moduleTitles(facts: ReportFacts): string[] {
  const titles = new Map(facts.programme.modules.map((module) => [module.key, module.title]));
  return [...new Set(facts.sessions.modulesCovered)].map((key) => titles.get(key) ?? key);
}

function plannedTotal(facts: ReportFacts): number {
  return facts.sessions.planned || facts.programme.modules.reduce((sum, module) => sum + module.plannedSessions, 0);
}

/** The values a template may use, each already in the words it prints as. */
function templateValues(facts: ReportFacts): Record<string, string> {
  const missed = sortedAbsences(facts).filter((absence) => !absence.acceptable);
  const covered = moduleTitles(facts);
  const ended = reportDay(facts.endedOn ?? facts.sessions.lastSessionDate ?? facts.generatedOn);
  return {
    reference: facts.reference,
    name: facts.personName,
    startDate: facts.sessions.firstSessionDate ? reportDay(facts.sessions.firstSessionDate) : reportDay(facts.generatedOn),
    plannedSessions: String(plannedTotal(facts)),
    planned: String(plannedTotal(facts)),
    attended: String(facts.sessions.attended),
    absences: String(missed.length),
    // The count with its noun, so a template reads right for one absence and for several.
    unacceptableAbsences: plural(missed.length, 'unacceptable absence'),
    lastAbsence: missed.length ? reportDay(missed[missed.length - 1]!.date) : 'none',
    reviewDate: reportDay(facts.generatedOn),
    completionDate: ended,
    endDate: ended,
    modulesCompleted: covered.length ? covered.join(', ') : 'none yet',
    route: ROUTE_LABELS[facts.route],
  };
}

/** `{name}` and the like replaced by their values; a placeholder we do not know is left as written, for the manager to see and edit. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}

function defaultIntroduction(kind: ReportKind, facts: ReportFacts): string {
  const values = templateValues(facts);
  switch (kind) {
    case 'programme_start':
      return `Referral ${values.reference}: ${values.name} started the CHOICE programme on ${values.startDate}. ${values.plannedSessions} sessions are planned.`;
    case 'non_compliance':
      return `Referral ${values.reference}: ${values.name} has had ${plural(unacceptable(facts).length, 'unacceptable absence')} from CHOICE sessions.`;
    case 'progress_review':
      return `Referral ${values.reference}: progress review for ${values.name} on ${values.reviewDate}. Sessions attended: ${values.attended} of ${values.planned}.`;
    case 'completion':
      return `Referral ${values.reference}: ${values.name} completed the CHOICE programme on ${values.completionDate}, attending ${plural(facts.sessions.attended, 'session')}.`;
    case 'ended_early': {
      const why = facts.endReason ? ` ${ENDED_BECAUSE[facts.endReason]}` : '';
      return `Referral ${values.reference}: ${values.name}’s place on the CHOICE programme ended on ${values.endDate}${why}. He attended ${values.attended} of ${values.planned} planned sessions.`;
    }
  }
}

/** The opening paragraph: the programme's template for this kind, filled in, or a plain default. */
export function reportIntroduction(kind: ReportKind, facts: ReportFacts): string {
  const key = TEMPLATE_KEY[kind];
  const template = key ? facts.programme.reportTemplates?.[key]?.trim() : undefined;
  return template ? fillTemplate(template, templateValues(facts)) : defaultIntroduction(kind, facts);
}

function detailsSection(facts: ReportFacts): ReportSection {
  const list = [
    `Reference: ${facts.reference}`,
    `Name: ${facts.personName}`,
    ...(facts.dateOfBirth ? [`Date of birth: ${reportDay(facts.dateOfBirth)}`] : []),
    `Route: ${ROUTE_LABELS[facts.route]}`,
    `Referred by: ${facts.referrerOrganisation}`,
    ...(facts.decisionDate ? [`${decisionDateName(facts.route)}: ${reportDay(facts.decisionDate)}`] : []),
  ];
  return { heading: 'The referral', paragraphs: [], list };
}

function decisionDateName(route: ReferralRoute): string {
  switch (route) {
    case 'diversion':
      return 'Fiscal’s decision date';
    case 'structured_deferred_sentence':
      return 'Court date';
    default:
      return 'Review or report date';
  }
}

export const absenceLine = (absence: ReportAbsence) =>
  `${reportDay(absence.date)}: ${absence.acceptable ? 'absent, with a reason the worker accepted' : 'absent, with no acceptable reason (unacceptable absence)'}`;

function attendanceSection(kind: ReportKind, facts: ReportFacts): ReportSection {
  const { attended } = facts.sessions;
  const planned = plannedTotal(facts);
  const absences = sortedAbsences(facts);
  const missed = absences.filter((absence) => !absence.acceptable).length;
  const excused = absences.length - missed;
  const paragraphs: string[] = [];
  if (kind === 'programme_start' && attended === 0) {
    paragraphs.push(`No sessions have been attended yet. ${plural(planned, 'session is', 'sessions are')} planned.`);
  } else {
    paragraphs.push(`He has attended ${attended} of ${plural(planned, 'planned session')}.`);
  }
  if (facts.sessions.firstSessionDate && attended > 0) {
    const first = reportDay(facts.sessions.firstSessionDate);
    const last = facts.sessions.lastSessionDate ? reportDay(facts.sessions.lastSessionDate) : null;
    paragraphs.push(last && last !== first ? `He attended his first session on ${first} and his most recent on ${last}.` : `He attended his first session on ${first}.`);
  }
  if (absences.length === 0) paragraphs.push('He has missed no sessions.');
  else if (excused === 0)
    paragraphs.push(
      `He has missed ${plural(missed, 'session')}, ${missed === 1 ? 'an unacceptable absence' : 'all unacceptable absences'}: no reason was given that the worker could accept.`,
    );
  else if (missed === 0) paragraphs.push(`He has missed ${plural(excused, 'session')}, ${excused === 1 ? 'with a reason' : 'each with a reason'} the worker accepted.`);
  else
    paragraphs.push(
      `He has missed ${plural(absences.length, 'session')}: ${plural(missed, 'unacceptable absence')} and ${plural(excused, 'absence')} with a reason the worker accepted.`,
    );
  return {
    heading: 'Attendance',
    paragraphs,
    ...(absences.length ? { list: absences.map(absenceLine) } : {}),
  };
}

function modulesSection(kind: ReportKind, facts: ReportFacts): ReportSection {
  const covered = moduleTitles(facts);
  if (kind === 'programme_start') {
    return {
      heading: 'The programme',
      paragraphs: [`The programme is delivered one to one, module by module. These are the modules planned for him, with the number of sessions planned for each.`],
      list: facts.programme.modules.map((module) => `${module.title}: ${plural(module.plannedSessions, 'session')}`),
    };
  }
  const paragraphs = [covered.length ? 'He has worked on these modules:' : 'He has not yet worked on any module of the programme.'];
  return {
    heading: 'Modules covered',
    paragraphs,
    ...(covered.length ? { list: covered } : {}),
  };
}

function endSection(facts: ReportFacts): ReportSection {
  const why = facts.endReason ? ENDED_BECAUSE[facts.endReason] : null;
  return {
    heading: 'Why the programme ended',
    paragraphs: [why ? `His place on the programme ended ${why}.` : 'His place on the programme ended before he completed it.', ...(facts.endDetail ? [`What happened: ${facts.endDetail}`] : [])],
  };
}

function nextSteps(kind: ReportKind, facts: ReportFacts): string[] {
  const group = ROUTE_GROUP[facts.route];
  const court = facts.decisionDate ? `the supplementary report to the court on ${reportDay(facts.decisionDate)}` : 'the supplementary report to the court';
  const order = SUPERVISED_BY[facts.route];
  const tellWorker = facts.workerEmail
    ? `Please tell ${facts.workerName}, his CHOICE worker, what you decide, by email to ${facts.workerEmail}.`
    : `Please tell ${facts.workerName}, his CHOICE worker, what you decide.`;
  const byGroup = (words: Record<typeof group, string[]>) => words[group];
  switch (kind) {
    case 'programme_start':
      return [
        'His sessions will continue as planned. We will write to you again at the progress review and when he completes the programme.',
        'If he has unacceptable absences that reach the programme’s non-compliance rule, we will tell you straight away.',
        ...(group === 'court' ? [`We will send you a report in time for ${court}.`] : []),
      ];
    case 'non_compliance':
      return byGroup({
        fiscal: ['The decision on how to respond, including whether to prosecute, rests with the procurator fiscal.', tellWorker],
        court: [`Please consider this report for ${court}, or for any earlier report you make to the court.`, tellWorker],
        supervisor: [`Please consider this report under the terms of ${order}. Any enforcement action is a matter for you.`, tellWorker],
      });
    case 'progress_review': {
      const left = Math.max(plannedTotal(facts) - facts.sessions.attended, 0);
      const remaining = facts.programme.modules.filter((module) => !facts.sessions.modulesCovered.includes(module.key)).map((module) => module.title);
      return [
        left ? `He continues on the programme: ${plural(left, 'planned session remains', 'planned sessions remain')}.` : 'He continues on the programme.',
        ...(remaining.length ? [`Modules still to come: ${remaining.join(', ')}.`] : []),
        group === 'court'
          ? `We will send you a final report in time for ${court}, and will tell you sooner if his attendance becomes a concern.`
          : 'We will write to you again when he completes the programme, and sooner if his attendance becomes a concern.',
      ];
    }
    case 'completion':
      return byGroup({
        fiscal: ['CHOICE’s work with him has ended. The decision on his case rests with the procurator fiscal.'],
        court: [`CHOICE’s work with him has ended. This report is for ${court}; the sentence remains a matter for the court.`],
        supervisor: [`CHOICE’s work with him has ended. Please take this report into account in supervising ${order}.`],
      });
    case 'ended_early':
      return byGroup({
        fiscal: ['CHOICE is no longer working with him. The decision on whether to prosecute rests with the procurator fiscal.', tellWorker],
        court: [`CHOICE is no longer working with him. Please consider this report for ${court}.`, tellWorker],
        supervisor: [`CHOICE is no longer working with him. Please consider this report under the terms of ${order}.`, tellWorker],
      });
  }
}

function signOffSection(facts: ReportFacts): ReportSection {
  const paragraphs = [`Prepared by ${facts.workerName}, CHOICE worker${facts.workerEmail ? ` (${facts.workerEmail})` : ''}, on ${reportDay(facts.generatedOn)}.`];
  if (facts.managerName && facts.signedOffAt) paragraphs.push(`Signed off by ${facts.managerName}, CHOICE manager, on ${reportDay(facts.signedOffAt)}.`);
  else paragraphs.push('Not yet signed off by a CHOICE manager.');
  return { heading: 'Sign-off', paragraphs };
}

/** The service's own contact details, as the Programme page gives them; no section until there are some. */
function contactSection(facts: ReportFacts): ReportSection[] {
  const contact = facts.serviceContact;
  const ways = [
    contact?.phone ? `by phone on ${contact.phone}` : null,
    contact?.email ? `by email at ${contact.email}` : null,
    contact?.address ? `by post to ${contact.address.split('\n').map((line) => line.trim()).filter(Boolean).join(', ')}` : null,
  ].filter((way): way is string => way !== null);
  if (!ways.length) return [];
  const list = ways.length === 1 ? ways[0]! : `${ways.slice(0, -1).join(', ')} or ${ways.at(-1)!}`;
  return [{ heading: 'Contacting CHOICE', paragraphs: [`You can reach the CHOICE service ${list}.`] }];
}

/** A report of this kind from these facts, in words that fit the referral's route. */
export function buildReport(kind: ReportKind, facts: ReportFacts, options: BuildReportOptions = {}): Report {
  const edited = options.introduction?.trim();
  const introduction = edited || reportIntroduction(kind, facts);
  const sections: ReportSection[] = [
    { heading: 'Summary', paragraphs: [introduction] },
    {
      heading: 'About this report',
      paragraphs: [audienceParagraph(kind, facts)],
    },
    detailsSection(facts),
    ...(kind === 'ended_early' ? [endSection(facts)] : []),
    attendanceSection(kind, facts),
    modulesSection(kind, facts),
    { heading: 'What happens next', paragraphs: nextSteps(kind, facts) },
    signOffSection(facts),
    ...contactSection(facts),
  ];
  return {
    kind,
    title: REPORT_TITLES[kind],
    audience: audienceLine(facts),
    introduction,
    sections,
    footer: REPORT_FOOTER,
  };
}
