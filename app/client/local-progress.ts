/**
 * Progress kept in this browser only, and only after the person asks for it: which
 * self-help pages they have read and what they wrote in exercises. The server never
 * sees any of it. Without the key in local storage, nothing is recorded at all.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const PROGRESS_KEY = 'stop-it-now-progress-v1';

export type SavedAnswers = Record<string, string | string[] | undefined>;
export interface Progress {
  visited: string[];
  answers: Record<string, SavedAnswers>;
}

let cached: Progress | null | undefined;
const listeners = new Set<() => void>();

function read(): Progress | null {
  if (cached !== undefined) return cached;
  try {
    const raw = window.localStorage.getItem(PROGRESS_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Progress>) : null;
    cached = parsed ? { visited: Array.isArray(parsed.visited) ? parsed.visited : [], answers: parsed.answers ?? {} } : null;
  } catch {
    cached = null;
  }
  return cached;
}

function write(progress: Progress | null): void {
  try {
    if (progress) window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    else window.localStorage.removeItem(PROGRESS_KEY);
  } catch {
    // Storage can be full or blocked (private windows in some browsers): keep going without it.
  }
  cached = progress;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== PROGRESS_KEY && event.key !== null) return;
    cached = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export interface LocalProgressApi {
  /** undefined on the server and before the page has started in the browser. */
  progress: Progress | null | undefined;
  optIn(): void;
  forgetEverything(): void;
  markVisited(path: string): void;
  saveAnswers(path: string, answers: SavedAnswers): void;
}

export function useLocalProgress(): LocalProgressApi {
  const progress = useSyncExternalStore(subscribe, read, () => undefined);
  return {
    progress,
    optIn: useCallback(() => write(read() ?? { visited: [], answers: {} }), []),
    forgetEverything: useCallback(() => write(null), []),
    markVisited: useCallback((path: string) => {
      const current = read();
      if (current && !current.visited.includes(path)) write({ ...current, visited: [...current.visited, path] });
    }, []),
    saveAnswers: useCallback((path: string, answers: SavedAnswers) => {
      const current = read();
      if (current) write({ ...current, answers: { ...current.answers, [path]: answers } });
    }, []),
  };
}
