/**
 * Text no form should choke on, for the fuzz tests: empty and blank, NUL (which
 * PostgreSQL cannot store), bidirectional and zero-width characters, a lone surrogate,
 * SQL and HTML injection. Each test adds the values its own forms care about.
 */
export const HOSTILE_TEXT: readonly string[] = ['', ' ', '\u0000', 'a\u0000b', '\u202e\u200b', '\ud800', "'; DROP TABLE referral; --", '<script>alert(1)</script>'];
