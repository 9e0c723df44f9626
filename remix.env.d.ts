/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// `export {}` makes this file a module, so the block below extends @remix-run/node
// rather than replacing it. Loaders and actions are typed as single fetch sends them (turbo-stream, not JSON).
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
