import { TextInput } from './fields';

interface Props {
  /** The account's address, for password managers to file the new password under. */
  email: string;
  minLength: number;
  errors?: Record<string, string>;
}

/** Choosing a new password: the field and the same again. Neither is ever filled in from the server. */
export function NewPasswordFields({ email, minLength, errors = {} }: Props) {
  return (
    <>
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextInput
        id="password"
        name="password"
        type="password"
        label="New password"
        hint={`At least ${minLength} characters. A few unrelated words make a password that is long, easy to remember and hard to guess. Avoid common passwords.`}
        autoComplete="new-password"
        error={errors.password}
      />
      <TextInput id="confirmPassword" name="confirmPassword" type="password" label="Enter the password again" autoComplete="new-password" error={errors.confirmPassword} />
    </>
  );
}
