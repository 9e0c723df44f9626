/**
 * The content library: every file under content/, validated, rendered once and
 * kept in memory. Loading fails with every problem listed by file and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { plainText, renderMarkdown } from './markdown';
import { frontMatterSchema, type Audience, type Exercise, type FrontMatter, type PageKind } from './schema';
import { createSearchIndex, type SearchIndex } from './search';

export const AREAS = ['self-help', 'toolkit'] as const;
export type Area = (typeof AREAS)[number];

export interface RenderedExercise extends Omit<Exercise, 'feedback' | 'intro'> {
  introHtml: string | null;
  feedback: Array<Exercise['feedback'][number] & { html: string }>;
}

export interface ContentPage {
  area: Area;
  group: string;
  /** Empty for a group's introduction. */
  slug: string;
  path: string;
  file: string;
  title: string;
  summary: string;
  audience: Audience[];
  kind: PageKind;
  order: number;
  reviewed: string;
  law: boolean;
  keywords: string[];
  sources: FrontMatter['sources'];
  html: string;
  text: string;
  exercise: RenderedExercise | null;
}

export interface ContentGroup {
  area: Area;
  slug: string;
  path: string;
  introduction: ContentPage;
  /** The group's pages after its introduction, in order. */
  pages: ContentPage[];
}

export interface AreaInfo {
  area: Area;
  path: string;
  title: string;
  summary: string;
  groups: ContentGroup[];
}

export interface ContentLibrary {
  areas: Record<Area, AreaInfo>;
  pages: Map<string, ContentPage>;
  page(pathname: string): ContentPage | undefined;
  group(area: Area, slug: string): ContentGroup | undefined;
  /** The page before and after this one within its group. */
  neighbours(page: ContentPage): { previous: ContentPage | null; next: ContentPage | null };
  search: SearchIndex;
}

export class ContentValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentValidationError';
  }
}

const areasSchema = z.record(
  z.enum(AREAS),
  z.object({ title: z.string().min(1), summary: z.string().min(1), groups: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1) }).strict(),
);

export interface LoadOptions {
  /** Addresses outside content/ that content may link to (the home page, the checks…). */
  knownPaths: Iterable<string>;
}

export function loadContentLibrary(contentDir: string, options: LoadOptions): ContentLibrary {
  const problems: string[] = [];
  const relative = (file: string) => path.relative(path.dirname(contentDir), file);

  const areasFile = path.join(contentDir, 'areas.yaml');
  const areasResult = areasSchema.safeParse(parseYaml(readFileSync(areasFile, 'utf8')));
  if (!areasResult.success) throw new ContentValidationError(zodProblems(relative(areasFile), areasResult.error));
  const areaConfig = areasResult.data;

  const pages = new Map<string, ContentPage>();
  const linksByFile = new Map<ContentPage, string[]>();
  const areas = {} as Record<Area, AreaInfo>;

  for (const area of AREAS) {
    const config = areaConfig[area];
    if (!config) {
      problems.push(`${relative(areasFile)}: the area "${area}" is missing`);
      continue;
    }
    const areaDir = path.join(contentDir, area);
    const folders = existsSync(areaDir) ? readdirSync(areaDir).filter((f) => statSync(path.join(areaDir, f)).isDirectory()) : [];
    for (const folder of folders) {
      if (!config.groups.includes(folder)) problems.push(`${relative(path.join(areaDir, folder))}: this folder is not listed under ${area} in areas.yaml`);
    }
    const groups: ContentGroup[] = [];
    for (const slug of config.groups) {
      const groupDir = path.join(areaDir, slug);
      if (!existsSync(groupDir)) {
        problems.push(`${relative(areasFile)}: ${area} lists "${slug}", but ${relative(groupDir)} does not exist`);
        continue;
      }
      const groupPages: ContentPage[] = [];
      for (const fileName of readdirSync(groupDir).filter((f) => f.endsWith('.md')).sort()) {
        const file = path.join(groupDir, fileName);
        const page = loadPage(file, area, slug, relative(file), problems);
        if (!page) continue;
        groupPages.push(page.page);
        linksByFile.set(page.page, page.links);
        pages.set(page.page.path, page.page);
      }
      const introduction = groupPages.find((p) => p.slug === '');
      if (!introduction) {
        problems.push(`${relative(groupDir)}: index.md (the introduction) is missing`);
        continue;
      }
      const rest = groupPages.filter((p) => p !== introduction).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
      const orders = rest.map((p) => p.order);
      if (new Set(orders).size !== orders.length) problems.push(`${relative(groupDir)}: two pages share the same "order"`);
      groups.push({ area, slug, path: `/${area}/${slug}`, introduction, pages: rest });
    }
    areas[area] = { area, path: `/${area}`, title: config.title, summary: config.summary, groups };
  }

  const known = new Set([...options.knownPaths, ...pages.keys(), ...AREAS.map((a) => `/${a}`)]);
  for (const [page, links] of linksByFile) {
    for (const href of links) {
      const problem = checkLink(href, known);
      if (problem) problems.push(`${page.file}: ${problem}`);
    }
  }

  if (problems.length) throw new ContentValidationError(problems);

  const groupIndex = new Map<string, ContentGroup>();
  for (const info of Object.values(areas)) for (const group of info.groups) groupIndex.set(group.path, group);

  return {
    areas,
    pages,
    page: (pathname) => pages.get(pathname.replace(/\/+$/, '') || '/'),
    group: (area, slug) => groupIndex.get(`/${area}/${slug}`),
    neighbours(page) {
      const group = groupIndex.get(`/${page.area}/${page.group}`);
      if (!group) return { previous: null, next: null };
      const sequence = [group.introduction, ...group.pages];
      const at = sequence.indexOf(page);
      return { previous: sequence[at - 1] ?? null, next: sequence[at + 1] ?? null };
    },
    search: createSearchIndex([...pages.values()]),
  };
}

function loadPage(file: string, area: Area, group: string, relativeFile: string, problems: string[]) {
  const source = readFileSync(file, 'utf8');
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, { engines: { yaml: (text: string) => parseYaml(text) as object } });
  } catch (error) {
    problems.push(`${relativeFile}: the front-matter is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : error})`);
    return null;
  }
  if (Object.keys(parsed.data).length === 0) {
    problems.push(`${relativeFile}: the front-matter is missing`);
    return null;
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    problems.push(...zodProblems(relativeFile, result.error));
    return null;
  }
  const slug = path.basename(file, '.md') === 'index' ? '' : path.basename(file, '.md');
  if (!/^[a-z0-9-]*$/.test(slug)) problems.push(`${relativeFile}: file names are lower-case words joined by hyphens`);
  const fm = result.data;
  const body = renderMarkdown(parsed.content);
  const links = [...body.links];
  let exercise: RenderedExercise | null = null;
  if (fm.exercise) {
    const feedback = fm.exercise.feedback.map((rule) => {
      const rendered = renderMarkdown(rule.text);
      links.push(...rendered.links);
      return { ...rule, html: rendered.html };
    });
    exercise = {
      fields: fm.exercise.fields,
      printable: fm.exercise.printable,
      introHtml: fm.exercise.intro ? renderMarkdown(fm.exercise.intro).html : null,
      feedback,
    };
  }
  const page: ContentPage = {
    area,
    group,
    slug,
    path: slug ? `/${area}/${group}/${slug}` : `/${area}/${group}`,
    file: relativeFile,
    title: fm.title,
    summary: fm.summary,
    audience: fm.audience,
    kind: fm.kind,
    order: fm.order,
    reviewed: fm.reviewed,
    law: fm.law,
    keywords: fm.keywords,
    sources: fm.sources,
    html: body.html,
    text: plainText(body.html),
    exercise,
  };
  if (slug === '' && fm.kind !== 'introduction') problems.push(`${relativeFile}: field "kind": index.md is the introduction, so its kind must be "introduction"`);
  return { page, links };
}

function checkLink(href: string, known: Set<string>): string | null {
  if (/^(https?:|tel:|mailto:)/.test(href)) return null;
  if (href.startsWith('#')) return null;
  if (!href.startsWith('/')) return `the link "${href}" must be an absolute path such as /toolkit/get-help`;
  const target = href.split('#')[0]!.replace(/\/+$/, '') || '/';
  return known.has(target) ? null : `the link "${href}" goes to a page that does not exist`;
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(front-matter)';
    return `${file}: field "${field}": ${issue.message}`;
  });
}
