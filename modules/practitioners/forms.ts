/**
 * The practitioner forms: one zod schema each. Registration asks for an email
 * address, an organisation name and a password, and nothing else.
 */
import { z } from 'zod';
import { emailField, signInForm, codeForm, requiredText } from '../auth/forms';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

export const ORGANISATION_NAME_MAX = 200;

const EMAIL_FORMAT_MESSAGE = 'Enter an email address in the correct format, like name@example.gov.scot';

/**
 * An email address with no control characters: PostgreSQL text cannot hold a NUL, and
 * no real address has the others.
 */
const practitionerEmail = emailField.regex(/^\P{Cc}*$/u, EMAIL_FORMAT_MESSAGE);

/** Control characters (a pasted tab or line break, a NUL) become spaces, then runs of spaces one. */
const cleanLine = (value: unknown) => (typeof value === 'string' ? value.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ') : value);

/** A password being chosen; the policy itself (modules/auth/password-policy) is checked by the module. */
const newPassword = (message: string) =>
  z
    .string({ error: message })
    .min(1, message)
    .max(PASSWORD_MAX_LENGTH * 4, `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`);
const confirmPassword = z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again');
const passwordsMatch = (form: { password: string; confirmPassword: string }) => form.password === form.confirmPassword;
const MISMATCH = { path: ['confirmPassword'], message: 'The passwords do not match' };

export const registrationForm = z
  .object({
    email: practitionerEmail,
    organisationName: z.preprocess(cleanLine, requiredText('Enter the name of the organisation you work for', ORGANISATION_NAME_MAX)),
    password: newPassword('Choose a password'),
    confirmPassword,
  })
  .refine(passwordsMatch, MISMATCH);

export type RegistrationInput = z.output<typeof registrationForm>;

export const practitionerSignInForm = signInForm.extend({ email: practitionerEmail });
export const practitionerCodeForm = codeForm;

/** "I have forgotten my password": only the address. */
export const practitionerForgottenPasswordForm = z.object({ email: practitionerEmail });
/** A new password through the emailed link. */
export const practitionerNewPasswordForm = z.object({ password: newPassword('Enter a new password'), confirmPassword }).refine(passwordsMatch, MISMATCH);

export const ACCOUNT_INTENTS = ['start-two-factor', 'turn-on-two-factor', 'turn-off-two-factor'] as const;
export const accountIntentForm = z.object({
  intent: z.enum(ACCOUNT_INTENTS, { error: 'Choose what you want to do' }),
});
