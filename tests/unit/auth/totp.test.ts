import { describe, expect, it } from 'vitest';
import {
  currentTotp,
  formatSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeMatches,
  totpQrSvg,
  totpUri,
  verifyTotp,
} from '../../../modules/auth/totp';

describe('time-based codes', () => {
  const secret = newTotpSecret();
  const now = Date.parse('2026-11-23T12:00:10Z');

  it('makes a base32 secret and an otpauth address an app can read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'worker@demo.example')).toMatch(/^otpauth:\/\/totp\/CHOICE%20\(Stop%20It%20Now%20Scotland\):worker%40demo\.example\?/);
    expect(formatSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });

  it('draws the QR code itself, as SVG', async () => {
    const svg = await totpQrSvg(secret, 'worker@demo.example');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('accepts the current code, and codes one step either side, and refuses others', () => {
    expect(verifyTotp(secret, currentTotp(secret, now), null, now)).not.toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now - 30_000), null, now)).not.toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now + 30_000), null, now)).not.toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now - 90_000), null, now)).toBeNull();
    expect(verifyTotp(secret, '12345', null, now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', null, now)).toBeNull();
  });

  it('accepts a code only once', () => {
    const step = verifyTotp(secret, currentTotp(secret, now), null, now)!;
    expect(verifyTotp(secret, currentTotp(secret, now), step, now)).toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now + 30_000), step, now + 30_000)).toBe(step + 1);
  });

  it('accepts a code typed with spaces', () => {
    const code = currentTotp(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).not.toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten different readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  });

  it('match only their own hash, whatever the case and dashes', () => {
    const [code] = newRecoveryCodes(1);
    const hash = hashRecoveryCode(code!, 'salt-1');
    expect(recoveryCodeMatches(code!.toLowerCase().replace('-', ' '), 'salt-1', hash)).toBe(true);
    expect(recoveryCodeMatches(code!, 'salt-2', hash)).toBe(false);
    expect(recoveryCodeMatches('AAAAA-AAAAA', 'salt-1', hash)).toBe(false);
  });
});
