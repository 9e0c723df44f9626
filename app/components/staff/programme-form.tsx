/**
 * The programme definition's form: the name of the version, session length, the
 * non-compliance rule, a row per module (add and remove rows with submit buttons, so
 * it works without JavaScript) and the report templates.
 */
import { moduleField, templateField, TEMPLATE_KEYS, type ProgrammeDraft, type TemplateKey } from '#modules/programme/form';
import { Textarea, TextInput } from '~/components/form/fields';
import { StaffForm } from './staff-form';

const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  programmeStart: 'Programme start report',
  nonCompliance: 'Non-compliance report',
  progressReview: 'Progress review',
  completion: 'Completion report',
};

const PLACEHOLDER_HINT = 'Words in curly brackets, such as {reference}, {name} and {startDate}, are filled in when a report is written.';

export function ProgrammeForm({ draft, version, errors, maxModules, rule }: { draft: ProgrammeDraft; version: number; errors: Record<string, string>; maxModules: number; rule?: string }) {
  return (
    <StaffForm>
      {/* Pressing Enter in a field saves, rather than pressing the first "Remove" button on the page. */}
      <button type="submit" name="intent" value="save" className="govuk-visually-hidden" tabIndex={-1} aria-hidden="true">
        Save
      </button>
      <input type="hidden" name="version" value={version} />
      <TextInput id="label" name="label" label="Name of this version" hint="Say what changed, or whose programme it is." value={draft.label} error={errors.label} />

      <h2 className="govuk-heading-m">Sessions, attendance and non-compliance</h2>
      <TextInput id="sessionMinutes" name="sessionMinutes" label="Length of a session, in minutes" value={draft.sessionMinutes} error={errors.sessionMinutes} width="3" inputMode="numeric" />
      <TextInput
        id="warningAfterUnacceptableAbsences"
        name="warningAfterUnacceptableAbsences"
        label="Unacceptable absences before he is warned"
        value={draft.warningAfterUnacceptableAbsences}
        error={errors.warningAfterUnacceptableAbsences}
        width="3"
        inputMode="numeric"
      />
      <TextInput
        id="endAfterUnacceptableAbsences"
        name="endAfterUnacceptableAbsences"
        label="Unacceptable absences before the non-compliance report"
        hint="The report is prepared for a manager to sign off, and the referrer is told once it is signed off. The programme can then be ended early for non-compliance."
        value={draft.endAfterUnacceptableAbsences}
        error={errors.endAfterUnacceptableAbsences}
        width="3"
        inputMode="numeric"
      />
      {rule ? <p className="govuk-inset-text">{rule}</p> : null}
      <TextInput
        id="completionPercent"
        name="completionPercent"
        label="Share of his planned sessions he must attend to complete, as a percentage"
        hint="Below this, only a CHOICE manager can record completion, with a reason."
        value={draft.completionPercent}
        error={errors.completionPercent}
        width="3"
        inputMode="numeric"
      />
      <TextInput
        id="workerCorrectionDays"
        name="workerCorrectionDays"
        label="Days a worker may correct an attendance record"
        hint="After this, only a CHOICE manager can correct it. Either way the correction and its reason are kept."
        value={draft.workerCorrectionDays}
        error={errors.workerCorrectionDays}
        width="3"
        inputMode="numeric"
      />

      <h2 className="govuk-heading-m">How referrers reach the service</h2>
      <p className="govuk-body">Printed at the end of every report prepared from now on. Leave blank what the service does not want given; with none of them, reports give only the worker&apos;s name and email.</p>
      <TextInput id="contactPhone" name="contactPhone" label="Phone number" value={draft.contactPhone} error={errors.contactPhone} width="20" inputMode="tel" />
      <TextInput id="contactEmail" name="contactEmail" label="Email address" value={draft.contactEmail} error={errors.contactEmail} inputMode="email" />
      <Textarea id="contactAddress" name="contactAddress" label="Postal address" value={draft.contactAddress} error={errors.contactAddress} rows={3} />

      <h2 className="govuk-heading-m" id="modules" tabIndex={-1}>
        Modules
      </h2>
      {errors.modules ? (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errors.modules}
        </p>
      ) : null}
      {draft.modules.map((row, index) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={index}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Module {index + 1}</legend>
          <input type="hidden" name={moduleField(index, 'key')} value={row.key} />
          <TextInput id={moduleField(index, 'title')} name={moduleField(index, 'title')} label="Title" value={row.title} error={errors[moduleField(index, 'title')]} />
          <TextInput
            id={moduleField(index, 'plannedSessions')}
            name={moduleField(index, 'plannedSessions')}
            label="Planned number of sessions"
            value={row.plannedSessions}
            error={errors[moduleField(index, 'plannedSessions')]}
            width="3"
            inputMode="numeric"
          />
          <Textarea id={moduleField(index, 'summary')} name={moduleField(index, 'summary')} label="Summary" value={row.summary} error={errors[moduleField(index, 'summary')]} rows={2} />
          {draft.modules.length > 1 ? (
            <button type="submit" name="intent" value={`remove-module-${index}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
              Remove<span className="govuk-visually-hidden"> module {index + 1}{row.title ? `, ${row.title}` : ''}</span>
            </button>
          ) : null}
        </fieldset>
      ))}
      {draft.modules.length < maxModules ? (
        <button type="submit" name="intent" value="add-module" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add another module
        </button>
      ) : null}

      <h2 className="govuk-heading-m">Report templates</h2>
      <p className="govuk-body">{PLACEHOLDER_HINT}</p>
      {TEMPLATE_KEYS.map((key) => (
        <Textarea key={key} id={templateField(key)} name={templateField(key)} label={TEMPLATE_LABELS[key]} value={draft.templates[key]} error={errors[templateField(key)]} rows={4} />
      ))}

      <button type="submit" name="intent" value="save" className="govuk-button" data-module="govuk-button">
        Save as a new version
      </button>
    </StaffForm>
  );
}
