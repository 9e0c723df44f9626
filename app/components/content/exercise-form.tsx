import { Form, useNavigation } from '@remix-run/react';
import type { RenderedExercise } from '#modules/content/index';
import { ErrorSummary } from '~/components/form/error-summary';
import { TelText } from '~/components/helplines';
import { Checkboxes, Radios, Textarea, TextLines } from '~/components/form/fields';

export type ExerciseValues = Record<string, string | string[] | undefined>;

export interface ExerciseFormProps {
  exercise: RenderedExercise;
  values: ExerciseValues;
  errors: Record<string, string>;
  /** Changes after each submission, so the form shows the values just posted. */
  formKey: string;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const many = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const fieldId = (name: string) => `exercise-${name.replaceAll('_', '-')}`;

export function ExerciseForm({ exercise, values, errors, formKey }: ExerciseFormProps) {
  const navigation = useNavigation();
  const summary = exercise.fields.filter((f) => errors[f.name]).map((f) => ({ href: fieldId(f.name), message: errors[f.name]! }));
  return (
    <Form method="post" noValidate key={formKey} className="app-exercise-form" data-exercise-form>
      <ErrorSummary errors={summary} />
      {exercise.introHtml ? <div dangerouslySetInnerHTML={{ __html: exercise.introHtml }} /> : null}
      {exercise.fields.map((field) => {
        const common = { id: fieldId(field.name), name: field.name, label: field.label, hint: field.hint ? <TelText text={field.hint} /> : undefined, error: errors[field.name] };
        switch (field.type) {
          case 'rating': {
            const options = Array.from({ length: field.max - field.min + 1 }, (_, i) => String(field.min + i)).map((n) => ({ value: n, label: n }));
            return (
              <Radios
                key={field.name}
                {...common}
                hint={<TelText text={`${field.hint ? `${field.hint} ` : ''}${field.min} means ${field.minLabel.toLowerCase()}; ${field.max} means ${field.maxLabel.toLowerCase()}.`} />}
                options={options}
                value={one(values[field.name])}
                inline
                small
              />
            );
          }
          case 'choice':
            return <Radios key={field.name} {...common} options={field.options} value={one(values[field.name])} />;
          case 'choices':
            return <Checkboxes key={field.name} {...common} options={field.options} values={many(values[field.name])} />;
          case 'list':
            return <TextLines key={field.name} {...common} count={field.items} values={many(values[field.name])} />;
          case 'text':
            return <Textarea key={field.name} {...common} value={one(values[field.name])} />;
        }
      })}
      <p className="govuk-body app-nothing-saved">What you type here is not saved or sent anywhere else. It disappears when you leave the page.</p>
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === 'submitting'}>
        {exercise.printable ? 'Show my plan' : 'See what this means for me'}
      </button>
    </Form>
  );
}
