/** The self-checks, by the id in their address (/checks/<id>). */
export const CHECK_IDS = ['online-viewing', 'sexual-thoughts', 'someone-else', 'after-an-arrest'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
