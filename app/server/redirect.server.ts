/**
 * Every redirect and every navigation target that input can influence goes through
 * here. Remix 2.17.5 pins React Router 6, and the fix for its backslash open redirect
 * (GHSA-wrjc-x8rr-h8h6) exists only in React Router 7, so this is our own defence:
 * a target is used only if it is a path on this site, and otherwise the safe default
 * is used instead. ESLint refuses `redirect` from Remix anywhere else.
 */
import { redirect as remixRedirect } from '@remix-run/node';

const PLACEHOLDER_ORIGIN = 'http://same-origin.invalid';
// Control characters (tabs and line breaks included) and backslashes: browsers drop the
// first and read the second as `/`, which turns `/\evil.example` into another site.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;

function pathOnThisSite(value: string): boolean {
  if (UNSAFE_CHARACTER.test(value)) return false;
  const path = value.split(/[?#]/, 1)[0]!;
  return path.startsWith('/') && !path.startsWith('//');
}

/**
 * The target if it is a path on this site (`/staff/audit?page=2`), otherwise
 * `fallback`. A path must start with one `/` and hold no backslash, no control
 * character and no scheme, in the text as given and after each round of
 * percent-decoding (`/%2F%2Fevil.example`, `/%5Cevil.example`, `/%09/evil.example`);
 * and it must still be one after the URL parser has resolved dot segments
 * (`/..//evil.example`). What is returned is that resolved path, query and fragment.
 */
export function safePath(target: unknown, fallback: string): string {
  if (typeof target !== 'string' || target.length > 2048 || !pathAtEveryDecoding(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return pathAtEveryDecoding(resolved) ? resolved : fallback;
}

function pathAtEveryDecoding(value: string): boolean {
  let decoded = value;
  for (let round = 0; round < 4; round += 1) {
    if (!pathOnThisSite(decoded)) return false;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (next === decoded) return true;
    decoded = next;
  }
  // Still changing after four rounds: nobody links like that by accident.
  return false;
}

/** Remix's `redirect`, to a target that has been through `safePath`. */
export function redirect(target: string, init?: number | ResponseInit & { fallback?: string }): ReturnType<typeof remixRedirect> {
  const { fallback = '/', ...rest } = typeof init === 'number' ? { status: init } : (init ?? {});
  return remixRedirect(safePath(target, fallback), rest);
}
