/**
 * Text no form should choke on, for the fuzz tests: empty and blank, NUL (which
 * PostgreSQL cannot store), bidirectional and zero-width characters, a lone surrogate,
 * SQL and HTML injection. Each test adds the values its own forms care about.
 */
export const HOSTILE_TEXT: readonly string[] = ['', ' ', '\u0000', 'a\u0000b', '\u202e\u200b', '\ud800', "'; DROP TABLE referral; --", '<script>alert(1)</script>'];

/**
 * The server refuses some bodies before any page sees them (server/request-body.ts):
 * too large (413), not a web form (415), or not one of ours (400). Each is our
 * "form not accepted" page, which says what was wrong.
 */
export const REFUSED_BODY_STATUSES: readonly number[] = [400, 413, 415];
export const FORM_NOT_ACCEPTED = /What you sent was too long|The form could not be read/;
