import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../modules/auth/password-policy';

describe('choosing a password', () => {
  it('accepts a long, uncommon passphrase with no rules about symbols', () => {
    expect(passwordProblem('tartan kettle on the ferry')).toBeNull();
    expect(passwordProblem('ÅäÖ lång lösenfras')).toBeNull();
  });

  it('refuses one that is too short, at the boundary', () => {
    expect(passwordProblem('elevenchars')).toBe('Your password must be at least 12 characters long');
    expect(passwordProblem('twelve chars')).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('qwerty123456')).toMatch(/most common passwords/);
    expect(passwordProblem('LeaveMeAlone')).toMatch(/most common passwords/);
  });

  it('refuses repeated characters, the email address, and absurd lengths', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(passwordProblem('fiona.fiscal-is-me', { email: 'fiona.fiscal@copfs.example' })).toBe('Your password must not contain your email address');
    expect(passwordProblem('x'.repeat(201))).toBe('Your password must be 200 characters or fewer');
  });
});
