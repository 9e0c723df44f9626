import { TextInput } from '~/components/form/fields';

/** The 6-digit code from an authenticator app. What was typed is never shown again. */
export function CodeField({ error, hint, label = 'Code' }: { error?: string | null; hint: string; label?: string }) {
  return <TextInput id="code" name="code" label={label} hint={hint} error={error ?? undefined} width="10" autoComplete="one-time-code" inputMode="numeric" spellCheck={false} />;
}
