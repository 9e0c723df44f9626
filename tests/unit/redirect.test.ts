import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redirect, safePath } from '../../app/server/redirect.server';

const SITE = 'https://site.example';
const FALLBACK = '/staff';

/** What a browser would do with the target as a Location header or link on our site. */
function staysOnSite(target: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (!target.startsWith('/') || target.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(target)) return false;
  const url = new URL(target, SITE);
  if (url.origin !== SITE) return false;
  // No layer of decoding turns the path into one for another host.
  let decoded = url.pathname;
  for (let round = 0; round < 4; round += 1) {
    if (decoded.startsWith('//') || decoded.includes('\\')) return false;
    decoded = decodeURIComponent(decoded);
  }
  return !decoded.startsWith('//') && !decoded.includes('\\');
}

const hostilePrefix = fc.constantFrom(
  '//',
  '///',
  '/\\',
  '\\\\',
  '\\/',
  '/%2f',
  '/%2F%2F',
  '%2f%2f',
  '/%5c',
  '/%5C',
  '%5c%5c',
  '/%252f%252f',
  '/%25252f',
  '/\t/',
  '/\n/',
  '/\r\n/',
  '/%09/',
  '/%0a/',
  ' //',
  '\u0000//',
  '/..//',
  '/./%2f/',
  '/../\\',
  'https:',
  'https://',
  'HTTP://',
  'javascript:',
  'JaVaScRiPt:',
  'data:text/html,',
  'vbscript:',
  'mailto:',
  '',
);
const host = fc.oneof(fc.constantFrom('evil.example', 'evil.example/staff', 'site.example@evil.example', '[::1]', '127.0.0.1:80'), fc.domain());
const rest = fc.oneof(fc.constant(''), fc.webPath(), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));

describe('checking a redirect or link target', () => {
  it('never gives a target that leaves the site, whatever the input', () => {
    fc.assert(
      fc.property(fc.tuple(hostilePrefix, host, rest), ([prefix, name, tail]) => {
        const result = safePath(`${prefix}${name}${tail}`, FALLBACK);
        expect(result === FALLBACK || staysOnSite(result)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never gives a target that leaves the site for any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.webPath()), (target) => {
        const result = safePath(target, FALLBACK);
        expect(result === FALLBACK || staysOnSite(result)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('falls back for each known trick', () => {
    for (const target of [
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/%2F%2Fevil.example',
      '/%2f/evil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/%09/evil.example',
      '/..//evil.example',
      'https://evil.example/staff',
      'javascript:alert(1)',
      'staff/referrals',
      '',
      '/%E0%A4%A',
    ]) {
      expect(safePath(target, FALLBACK), target).toBe(FALLBACK);
    }
    expect(safePath(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safePath(['/staff/audit'], FALLBACK)).toBe(FALLBACK);
  });

  it('keeps a path on this site as it is, query and encoded query values included', () => {
    for (const target of ['/', '/staff/audit?newer=2026-01-01T10%3A00%3A00Z%2Fab12', '/staff/referrals?saved=EDI%2F2026%2F0001', '/checks/my-thoughts#question-2', '/staff/diary?week=2026-W49']) {
      expect(safePath(target, FALLBACK)).toBe(target);
    }
    expect(safePath('/staff/./audit/../referrals', FALLBACK)).toBe('/staff/referrals');
  });

  it('redirects to the fallback when the target is not safe', () => {
    expect(redirect('//evil.example', { fallback: '/staff' }).headers.get('Location')).toBe('/staff');
    expect(redirect('/staff/referrals?saved=1', 303).headers.get('Location')).toBe('/staff/referrals?saved=1');
    expect(redirect('/\\evil.example').headers.get('Location')).toBe('/');
  });
});
