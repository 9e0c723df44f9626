import type { ShouldRevalidateFunction } from '@remix-run/react';

/**
 * For a page whose loader's data depends on its address alone (wording, content): a
 * form posted on it changes nothing the loader gives, so the loader is not asked again.
 * Asking would cost a second round trip after every step, which is long over Tor, and
 * until it came back the step would be on screen without its own history entry, so a
 * quick answer would lose the entry that Back needs.
 */
export const onlyWhenTheAddressChanges: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname;
