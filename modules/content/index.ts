/**
 * The content library for this process: loaded from content/ on first use and kept
 * in memory for the life of the process.
 */
import path from 'node:path';
import { CHECK_IDS } from '../checks/ids';
import { loadContentLibrary, type ContentLibrary } from './library';

/** Pages outside content/ that content may link to. */
export const APP_PAGE_PATHS = [
  '/',
  '/privacy',
  '/accessibility',
  '/leave-this-site-quickly',
  '/local-help',
  '/search',
  '/checks',
  '/practitioners',
  ...CHECK_IDS.map((id) => `/checks/${id}`),
];

let library: ContentLibrary | undefined;

export function contentDirectory(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

export function getContentLibrary(): ContentLibrary {
  library ??= loadContentLibrary(contentDirectory(), { knownPaths: APP_PAGE_PATHS });
  return library;
}

export type { Area, AreaInfo, ContentGroup, ContentLibrary, ContentPage, RenderedExercise } from './library';
export { AREAS, ContentValidationError } from './library';
