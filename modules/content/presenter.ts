/**
 * What a content page shows, as plain data: the page, its place in its group, and
 * the group's contents. Pure, so a unit test can call it without a server.
 */
import type { Area, ContentGroup, ContentLibrary, ContentPage } from './library';

export interface PageLink {
  path: string;
  title: string;
}

export interface ContentPageView {
  area: Area;
  areaTitle: string;
  areaPath: string;
  group: PageLink;
  page: Omit<ContentPage, 'text' | 'file'>;
  /** The group's pages, with the current one marked. */
  contents: Array<PageLink & { current: boolean; kind: ContentPage['kind'] }>;
  previous: PageLink | null;
  next: PageLink | null;
}

const link = (page: ContentPage | null): PageLink | null => (page ? { path: page.path, title: page.title } : null);

export function presentContentPage(library: ContentLibrary, page: ContentPage): ContentPageView {
  const group = library.group(page.area, page.group) as ContentGroup;
  const { previous, next } = library.neighbours(page);
  const { text: _text, file: _file, ...visible } = page;
  return {
    area: page.area,
    areaTitle: library.areas[page.area].title,
    areaPath: library.areas[page.area].path,
    group: { path: group.path, title: group.introduction.title },
    page: visible,
    contents: [group.introduction, ...group.pages].map((p) => ({ path: p.path, title: p.title, kind: p.kind, current: p === page })),
    previous: link(previous),
    next: link(next),
  };
}

export interface AreaView {
  area: Area;
  title: string;
  summary: string;
  groups: Array<PageLink & { summary: string; pageCount: number; audience: ContentPage['audience'] }>;
}

export function presentArea(library: ContentLibrary, area: Area): AreaView {
  const info = library.areas[area];
  return {
    area,
    title: info.title,
    summary: info.summary,
    groups: info.groups.map((g) => ({
      path: g.path,
      title: g.introduction.title,
      summary: g.introduction.summary,
      pageCount: g.pages.length,
      audience: g.introduction.audience,
    })),
  };
}
