import { describe, expect, it } from 'vitest';
import { csrfProblem, type FormRequestFacts } from '../../../modules/auth/csrf';

const ok: FormRequestFacts = { method: 'POST', origin: 'https://choice.example', secFetchSite: 'same-origin', host: 'choice.example', submittedToken: 'abc', sessionToken: 'abc' };

describe('staff form CSRF defence', () => {
  it('accepts our own form with the session token, including with a hidden origin', () => {
    expect(csrfProblem(ok)).toBeNull();
    expect(csrfProblem({ ...ok, origin: 'null' })).toBeNull();
    expect(csrfProblem({ ...ok, origin: null, secFetchSite: null })).toBeNull();
  });

  it('does not check reads', () => {
    expect(csrfProblem({ ...ok, method: 'GET', submittedToken: null })).toBeNull();
  });

  it('refuses another site, a cross-site fetch, a missing token and a wrong one', () => {
    expect(csrfProblem({ ...ok, origin: 'https://evil.example' })).toBe('foreign-origin');
    expect(csrfProblem({ ...ok, origin: 'not a url' })).toBe('foreign-origin');
    expect(csrfProblem({ ...ok, origin: 'null', secFetchSite: 'cross-site' })).toBe('cross-site');
    expect(csrfProblem({ ...ok, submittedToken: null })).toBe('missing-token');
    expect(csrfProblem({ ...ok, submittedToken: 'abd' })).toBe('wrong-token');
    expect(csrfProblem({ ...ok, submittedToken: 'abcd' })).toBe('wrong-token');
  });
});
