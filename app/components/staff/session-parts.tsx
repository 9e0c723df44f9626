/**
 * Pieces of the session page: what was recorded, the history, what changed when
 * someone else got there first, and the forms of the steps offered. Each form carries
 * its step and the version of the session the person is looking at, so the server can
 * tell a stale page; only the steps the server offered are shown.
 */
import type { ReactNode } from 'react';
import { HOMEWORK_OUTCOMES, SESSION_ENGAGEMENTS } from '#db/schema';
import { STEP_FIELDS, type SessionPageStep } from '#modules/sessions/form-fields';
import type { RecordedNotes, SessionHistoryItem } from '#modules/sessions/session-page';
import type { AttendanceRecord } from '#modules/sessions/session-machine';
import { ABSENCE_LABELS, CORRECTED_TO, ENGAGEMENT_LABELS, HOMEWORK_LABELS } from '#modules/sessions/session-status';
import { DateInput } from '~/components/form/date-input';
import { Checkboxes, Radios, Textarea, TextInput } from '~/components/form/fields';
import { formatDateTime } from './dates';
import { StaffForm } from './staff-form';

/** The label of each field a step's form has, for showing typed text back. */
export const FIELD_LABELS: Record<string, string> = {
  judgement: 'Was the reason acceptable?',
  absenceReason: 'Why he did not come',
  topics: 'Module and topics covered',
  engagement: 'How he took part',
  homeworkSet: 'Homework set',
  homeworkDone: 'Homework from last time',
  concerns: 'Concerns',
  safeguarding: 'Safeguarding concern',
  privateNotes: 'Your private notes',
  moveReason: 'Why the session is being moved',
  attendance: 'What really happened',
  correctionReason: 'Why the record is being corrected',
  'date-day': 'Day',
  'date-month': 'Month',
  'date-year': 'Year',
  time: 'Time',
  minutes: 'Length in minutes',
  cancelReason: 'Why the session is being cancelled',
};

function Row({ label, children, multiline }: { label: string; children: ReactNode; multiline?: boolean }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className={`govuk-summary-list__value${multiline ? ' app-preserve-lines' : ''}`}>{children}</dd>
    </div>
  );
}

/** What was recorded about the session. Private notes are marked as CHOICE's own. */
export function NotesSummary({ notes, title = 'What was recorded' }: { notes: RecordedNotes; title?: string }) {
  const none = <span className="app-secondary-text">Not recorded</span>;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label="Module and topics covered" multiline>
            {notes.topics ?? none}
          </Row>
          <Row label="How he took part">{notes.engagement ?? none}</Row>
          <Row label="Homework set" multiline>
            {notes.homeworkSet ?? none}
          </Row>
          <Row label="Homework from last time">{notes.homeworkDone ?? none}</Row>
          <Row label="Concerns" multiline>
            {notes.concerns ?? 'None recorded'}
            {notes.safeguardingConcern ? (
              <>
                <br />
                <strong className="govuk-tag govuk-tag--red govuk-!-margin-top-2">Safeguarding concern</strong>
              </>
            ) : null}
          </Row>
          <Row label="Private notes (CHOICE staff only)" multiline>
            {notes.privateNotes ?? none}
          </Row>
        </dl>
      </div>
    </div>
  );
}

function Change({ item }: { item: SessionHistoryItem }) {
  return (
    <>
      <span className="govuk-!-font-weight-bold">{item.title}</span>, by {item.byline}, {formatDateTime(item.occurredAt)}
      {item.lines.map((line) => (
        <span className="app-preserve-lines" key={line.label}>
          <br />
          {line.label}: {line.text}
        </span>
      ))}
    </>
  );
}

/** The MOJ timeline of the session, newest first. */
export function SessionTimeline({ items }: { items: SessionHistoryItem[] }) {
  return (
    <div className="moj-timeline">
      {items.map((item) => (
        <div className="moj-timeline__item" key={item.id}>
          <div className="moj-timeline__header">
            <h3 className="moj-timeline__title">{item.title}</h3> <p className="moj-timeline__byline">by {item.byline}</p>
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
          </p>
          {item.lines.length ? (
            <div className="moj-timeline__description">
              {item.lines.map((line) => (
                <p className="govuk-body app-preserve-lines" key={line.label}>
                  <span className="govuk-!-font-weight-bold">{line.label}:</span> {line.text}
                </p>
              ))}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** The words of a typed value ("unacceptable" as the question's answer). */
function typedText(field: string, value: string): string {
  if (field === 'judgement' && (value === 'acceptable' || value === 'unacceptable')) return ABSENCE_LABELS[value];
  if (field === 'engagement' && value in ENGAGEMENT_LABELS) return ENGAGEMENT_LABELS[value as keyof typeof ENGAGEMENT_LABELS];
  if (field === 'homeworkDone' && value in HOMEWORK_LABELS) return HOMEWORK_LABELS[value as keyof typeof HOMEWORK_LABELS];
  if (field === 'safeguarding') return value === 'yes' ? 'Yes' : value;
  if (field === 'attendance' && value in CORRECTED_TO) return CORRECTED_TO[value]!;
  return value;
}

/**
 * Someone else changed the session first: what they did, the notes as saved now, and
 * what happens to what this person typed (in the form below if the step is still
 * possible, shown here if not).
 */
export function SessionConflict(props: { changes: SessionHistoryItem[]; notes: RecordedNotes | null; step: SessionPageStep | null; values: Record<string, string>; formStillOffered: boolean }) {
  const { changes, notes, step, values, formStillOffered } = props;
  const typed = (step ? STEP_FIELDS[step] : []).filter((field) => values[field]?.trim());
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} id="conflict">
      <h2 className="govuk-error-summary__title">This session was changed by someone else while you were looking at it</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">Nothing you did has been saved. Since you opened the page:</p>
        {changes.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {changes.map((change) => (
              <li key={change.id}>
                <Change item={change} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">The page you had open was out of date.</p>
        )}
        {notes ? <NotesSummary notes={notes} title="The notes as saved now" /> : null}
        {typed.length ? (
          formStillOffered ? (
            <p className="govuk-body">What you typed is still in the form below. Check it against what changed, and send it again if it still makes sense.</p>
          ) : (
            <>
              <p className="govuk-body">That step is no longer possible. This is what you typed, so that you can keep it:</p>
              <dl className="govuk-summary-list" id="typed-text">
                {typed.map((field) => (
                  <Row key={field} label={FIELD_LABELS[field] ?? field} multiline>
                    {typedText(field, values[field]!)}
                  </Row>
                ))}
              </dl>
            </>
          )
        ) : (
          <p className="govuk-body">Check what changed, then choose again below.</p>
        )}
      </div>
    </div>
  );
}

export interface SessionStepFormsProps {
  steps: SessionPageStep[];
  version: number;
  /** The errors of the step that was posted, if any. */
  errorStep: SessionPageStep | null;
  errors: Record<string, string>;
  /** The values to show in a step's form: what was typed into it, or what is saved. */
  valuesFor: (step: SessionPageStep) => Record<string, string>;
  /** A safeguarding concern is already recorded (it stays; the box is not offered again). */
  safeguardingRecorded: boolean;
  notesRecorded: boolean;
  moduleTitle: string;
  /** What the record says now about whether he came (a correction offers the others). */
  attendance: AttendanceRecord | null;
  /** Who may correct it, and until when. */
  correctionRule: string;
  /** Changes whenever the page is answered again, so the forms show the values sent back. */
  revision: string;
}

function Step({ step, version, title, children, revision }: { step: SessionPageStep; version: number; title: string; children: ReactNode; revision: string }) {
  return (
    <StaffForm className="govuk-!-margin-bottom-8" aria-labelledby={`step-${step}`} key={`${step}-${revision}`}>
      <h3 className="govuk-heading-s" id={`step-${step}`}>
        {title}
      </h3>
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="version" value={version} />
      {children}
    </StaffForm>
  );
}

const Button = ({ children, kind }: { children: ReactNode; kind?: 'secondary' | 'warning' }) => (
  <button type="submit" className={`govuk-button${kind ? ` govuk-button--${kind}` : ''}`} data-module="govuk-button">
    {children}
  </button>
);

export function SessionStepForms(props: SessionStepFormsProps) {
  const { steps, version, errorStep, errors, valuesFor, safeguardingRecorded, notesRecorded, moduleTitle, attendance, correctionRule, revision } = props;
  const has = (step: SessionPageStep) => steps.includes(step);
  const errorsOf = (step: SessionPageStep) => (errorStep === step ? errors : {});
  const common = { version, revision };
  return (
    <>
      {has('MARK_ATTENDED') ? (
        <Step step="MARK_ATTENDED" title="He came" {...common}>
          <p className="govuk-body">Then record what happened in the session.</p>
          <Button>He came</Button>
        </Step>
      ) : null}
      {has('MARK_NOT_ATTENDED')
        ? (() => {
            const values = valuesFor('MARK_NOT_ATTENDED');
            const e = errorsOf('MARK_NOT_ATTENDED');
            return (
              <Step step="MARK_NOT_ATTENDED" title="He did not come" {...common}>
                <Radios
                  id="judgement"
                  name="judgement"
                  label="Did he have an acceptable reason?"
                  legendSize="s"
                  hint="An absence without an acceptable reason counts towards non-compliance, and the referrer may be told."
                  value={values.judgement}
                  error={e.judgement}
                  options={[
                    { value: 'acceptable', label: 'Yes, the reason is acceptable' },
                    { value: 'unacceptable', label: 'No, the reason is not acceptable' },
                  ]}
                />
                <Textarea id="absenceReason" name="absenceReason" label="Why did he not come?" hint="Say what he told you, or that he did not get in touch." value={values.absenceReason} error={e.absenceReason} rows={3} />
                <Button kind="secondary">He did not come</Button>
              </Step>
            );
          })()
        : null}
      {has('RECORD_NOTES')
        ? (() => {
            const values = valuesFor('RECORD_NOTES');
            const e = errorsOf('RECORD_NOTES');
            return (
              <Step step="RECORD_NOTES" title={notesRecorded ? 'Correct the record of the session' : 'Record the session'} {...common}>
                <Textarea
                  id="topics"
                  name="topics"
                  label="Module and topics covered"
                  hint={`This session was booked for ${moduleTitle}. Say which parts of it you covered, and anything else you talked about.`}
                  value={values.topics}
                  error={e.topics}
                  rows={5}
                />
                <Radios
                  id="engagement"
                  name="engagement"
                  label="How did he take part?"
                  legendSize="s"
                  value={values.engagement}
                  error={e.engagement}
                  options={SESSION_ENGAGEMENTS.map((value) => ({ value, label: ENGAGEMENT_LABELS[value] }))}
                />
                <Textarea id="homeworkSet" name="homeworkSet" label="Homework set (optional)" hint="What you asked him to do before the next session." value={values.homeworkSet} error={e.homeworkSet} rows={3} />
                <Radios
                  id="homeworkDone"
                  name="homeworkDone"
                  label="Did he do the homework from last time?"
                  legendSize="s"
                  value={values.homeworkDone}
                  error={e.homeworkDone}
                  options={HOMEWORK_OUTCOMES.map((value) => ({ value, label: HOMEWORK_LABELS[value] }))}
                />
                <Textarea id="concerns" name="concerns" label="Concerns (optional)" hint="Anything that worried you in this session." value={values.concerns} error={e.concerns} rows={4} />
                {safeguardingRecorded ? (
                  <div className="govuk-inset-text">A safeguarding concern is recorded for this session and managers have been told. It stays on the record.</div>
                ) : (
                  <Checkboxes
                    id="safeguarding"
                    name="safeguarding"
                    label="Safeguarding"
                    legendSize="s"
                    error={e.safeguarding}
                    values={values.safeguarding === 'yes' ? ['yes'] : []}
                    options={[{ value: 'yes', label: 'This is a safeguarding concern', hint: 'A manager is emailed at once.' }]}
                  />
                )}
                <Textarea
                  id="privateNotes"
                  name="privateNotes"
                  label="Your private notes (optional)"
                  hint="Only CHOICE staff see these. They never go to the referrer or into a report."
                  value={values.privateNotes}
                  error={e.privateNotes}
                  rows={4}
                />
                <Button>{notesRecorded ? 'Save the corrected notes' : 'Save the notes'}</Button>
              </Step>
            );
          })()
        : null}
      {has('SIGN_OFF') ? (
        <Step step="SIGN_OFF" title="Sign off the session" {...common}>
          <p className="govuk-body">Check the notes above first. Once signed off, they cannot be changed.</p>
          <Button>Sign off the session</Button>
        </Step>
      ) : null}
      {has('RESCHEDULE')
        ? (() => {
            const values = valuesFor('RESCHEDULE');
            const e = errorsOf('RESCHEDULE');
            return (
              <Step step="RESCHEDULE" title="Move the session" {...common}>
                <Textarea id="moveReason" name="moveReason" label="Why is the session being moved?" value={values.moveReason} error={e.moveReason} rows={3} />
                <DateInput
                  id="date"
                  name="date"
                  label="New date"
                  hint="For example, 3 12 2026"
                  error={e.date}
                  values={{ day: values['date-day'], month: values['date-month'], year: values['date-year'] }}
                />
                <TextInput id="time" name="time" label="New time" hint="Use the 24-hour clock, for example, 14:30" value={values.time} error={e.time} width="5" inputMode="text" />
                <TextInput id="minutes" name="minutes" label="Length in minutes" value={values.minutes} error={e.minutes} width="3" inputMode="numeric" />
                <Button kind="secondary">Move the session</Button>
              </Step>
            );
          })()
        : null}
      {has('CANCEL')
        ? (() => {
            const values = valuesFor('CANCEL');
            const e = errorsOf('CANCEL');
            return (
              <Step step="CANCEL" title="Cancel the session" {...common}>
                <Textarea id="cancelReason" name="cancelReason" label="Why is the session being cancelled?" value={values.cancelReason} error={e.cancelReason} rows={3} />
                <Button kind="warning">Cancel the session</Button>
              </Step>
            );
          })()
        : null}
      {has('CORRECT_ATTENDANCE') && attendance
        ? (() => {
            const values = valuesFor('CORRECT_ATTENDANCE');
            const e = errorsOf('CORRECT_ATTENDANCE');
            return (
              // Folded away: a correction is for a mistake, not a step of every session.
              <details className="govuk-details" open={errorStep === 'CORRECT_ATTENDANCE' || undefined}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Correct whether he came</span>
                </summary>
                <div className="govuk-details__text">
                  <Step step="CORRECT_ATTENDANCE" title="Correct the attendance record" {...common}>
                    <p className="govuk-body">
                      The record says: <strong>{CORRECTED_TO[attendance]}</strong>. {correctionRule}
                    </p>
                    <p className="govuk-body">
                      The correction is kept in the session&apos;s history with your reason, the non-compliance count and any reports waiting for sign-off are brought up to date, and the referrer sees the corrected entry.
                    </p>
                    <Radios
                      id="attendance"
                      name="attendance"
                      label="What really happened?"
                      legendSize="s"
                      value={values.attendance}
                      error={e.attendance}
                      options={(['attended', 'acceptable', 'unacceptable'] as const).filter((record) => record !== attendance).map((record) => ({ value: record, label: CORRECTED_TO[record]! }))}
                    />
                    <Textarea
                      id="correctionReason"
                      name="correctionReason"
                      label="Why is the record being corrected?"
                      hint="For example, what you now know that you did not know when it was recorded."
                      value={values.correctionReason}
                      error={e.correctionReason}
                      rows={3}
                    />
                    <Button kind="secondary">Correct the record</Button>
                  </Step>
                </div>
              </details>
            );
          })()
        : null}
    </>
  );
}
