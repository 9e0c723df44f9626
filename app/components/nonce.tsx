import { createContext, useContext } from 'react';

const NonceContext = createContext('');

export const NonceProvider = NonceContext.Provider;

/** The CSP nonce of the page being rendered (empty in the browser, where it is hidden). */
export function useNonce(): string {
  return useContext(NonceContext);
}
