/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // modules/ and db/ are ours; everything else in node_modules stays external.
  serverDependenciesToBundle: [],
  browserNodeBuiltinsPolyfill: { modules: {} },
  watchPaths: ['modules/**/*', 'content/**/*'],
  // Every Remix 2 future flag the classic compiler knows, so that the move to React
  // Router 7 is its codemod rather than a rewrite (docs/decisions/011).
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};
