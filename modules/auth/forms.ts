/**
 * The staff sign-in and account forms: one zod schema each, with messages that say
 * what is wrong with this field in plain words.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password-policy';

const text = (message: string, max = 320) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `This must be ${max} characters or fewer`);

/** A plausible email address: something, an @, something with a dot. The mail server decides the rest. */
export const EMAIL_PATTERN = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

export const emailField = z
  .string({ error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(320, 'Email address must be 320 characters or fewer')
  .regex(EMAIL_PATTERN, 'Enter an email address in the correct format, like name@example.gov.scot');

export const signInForm = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH * 4, 'Enter your password'),
});

export const codeForm = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app' })
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().min(1, 'Enter the 6-digit code from your authenticator app').regex(/^\d{6}$/, 'The code must be 6 digits, like 123456')),
});

export const recoveryCodeForm = z.object({
  code: z
    .string({ error: 'Enter one of your recovery codes' })
    .trim()
    .min(1, 'Enter one of your recovery codes')
    .max(40, 'A recovery code is 10 letters and numbers, like K7PQM-3XDHV'),
});

export const forgottenPasswordForm = z.object({ email: emailField });

export const newPasswordForm = z
  .object({
    password: z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password'),
    confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
  })
  .refine((form) => form.password === form.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match' });

export { text as requiredText };
