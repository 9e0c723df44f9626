import { afterAnArrest } from './after-an-arrest';
import type { CheckDefinition } from './definition';
import type { CheckId } from './ids';
import { onlineViewing } from './online-viewing';
import { sexualThoughts } from './sexual-thoughts';
import { someoneElse } from './someone-else';

/** Every self-check. Adding one here (and its wording file) is all a new check needs. */
export const CHECKS: Record<CheckId, CheckDefinition> = {
  'online-viewing': onlineViewing,
  'sexual-thoughts': sexualThoughts,
  'someone-else': someoneElse,
  'after-an-arrest': afterAnArrest,
};
