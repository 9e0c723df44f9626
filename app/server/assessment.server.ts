/**
 * The assessment page's loader and action. Both open the case through
 * openCaseToWorkOn (permission, readCase, mayUpdate). The action checks the form
 * against the module's schema and saves; a stale page comes back with what the other
 * person saved, who and when, and everything this person typed kept in the form.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import {
  AssessmentConflictError,
  AssessmentNotEditableError,
  changedFields,
  isAssessmentEditable,
  missingFromAssessment,
  notEditableMessage,
  readAssessment,
  saveAssessment,
  type AssessmentRecord,
} from '#modules/assessment/assessment';
import { ASSESSMENT_FIELDS, assessmentFieldsOf, assessmentForm, type AssessmentField, type AssessmentFields } from '#modules/assessment/forms';
import { caseStatus } from '#modules/referrals/status';
import { CaseNotFoundError } from '#modules/referrals/transitions';
import { noStore, openCaseToWorkOn } from './case-work.server';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';

/** How much of each typed field is kept on the page after a failed save (more than may be saved, so nothing typed is lost). */
const KEEP_MAX = 20_000;

const fieldsOf = (record: AssessmentRecord): AssessmentFields => {
  const fields = {} as AssessmentFields;
  for (const field of ASSESSMENT_FIELDS) fields[field] = record[field];
  return fields;
};

export async function assessmentLoader(args: LoaderFunctionArgs) {
  const { referral } = await openCaseToWorkOn(args);
  const assessment = await readAssessment(args.context.db, referral.id);
  const editable = isAssessmentEditable(referral.state);
  return json(
    {
      referralId: referral.id,
      reference: referral.reference,
      personName: referral.person_name,
      state: referral.state,
      status: caseStatus(referral.state),
      editable,
      notEditable: editable ? null : notEditableMessage(referral.state),
      /** The plan is made during the assessment; after that, the plan page only shows it. */
      planOffered: referral.state === 'assessment',
      version: assessment?.version ?? 0,
      fields: assessment ? fieldsOf(assessment) : null,
      updatedAt: assessment?.updatedAt.toISOString() ?? null,
      updatedByName: assessment?.updatedByName ?? null,
      missing: missingFromAssessment(assessment),
      done: new URL(args.request.url).searchParams.get('done') === 'saved',
    },
    { headers: noStore },
  );
}

export interface AssessmentActionData {
  errors: FieldErrors;
  /** What the person typed, to put back in the form. */
  values: Partial<Record<AssessmentField, string>>;
  /** Someone else saved first: what they saved, who, when, and the version to save over it. */
  conflict: { version: number; updatedAt: string | null; updatedByName: string | null; theirs: AssessmentFields | null; changed: AssessmentField[] } | null;
  refused: string | null;
}

const reply = (data: Partial<AssessmentActionData> & Pick<AssessmentActionData, 'values'>, status: number) =>
  json<AssessmentActionData>({ errors: {}, conflict: null, refused: null, ...data }, { status, headers: noStore });

export async function assessmentAction(args: ActionFunctionArgs) {
  const { referral, actor } = await openCaseToWorkOn(args);
  const formData = await readForm(args.request);
  const values: AssessmentActionData['values'] = {};
  for (const field of ASSESSMENT_FIELDS) {
    const typed = formData.get(field);
    if (typeof typed === 'string') values[field] = typed.slice(0, KEEP_MAX);
  }
  const form = parseForm(formData, assessmentForm);
  if (form.status === 'invalid') return reply({ values, errors: form.errors }, 400);

  const fields = assessmentFieldsOf(form.value);
  try {
    await saveAssessment(args.context.db, { referralId: referral.id, expectedVersion: form.value.version, fields, actor });
  } catch (error) {
    if (error instanceof AssessmentConflictError) {
      const theirs = error.current ? fieldsOf(error.current) : null;
      return reply(
        {
          values,
          conflict: {
            version: error.current?.version ?? 0,
            updatedAt: error.current?.updatedAt.toISOString() ?? null,
            updatedByName: error.current?.updatedByName ?? null,
            theirs,
            changed: theirs ? changedFields(fields, theirs) : [],
          },
        },
        409,
      );
    }
    if (error instanceof AssessmentNotEditableError) return reply({ values, refused: error.message }, 409);
    if (error instanceof CaseNotFoundError) return notFound();
    throw error;
  }
  const id = referral.id;
  return redirect(form.value.intent === 'save-and-plan' && referral.state === 'assessment' ? `/staff/referrals/${id}/plan?done=assessment-saved` : `/staff/referrals/${id}/assessment?done=saved`);
}
