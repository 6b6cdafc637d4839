/** The built site: its files, pages, Pagefind index, CSS and JavaScript, measured on disk. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

interface FileInfo {
  path: string;
  bytes: number;
}

async function walk(dir: string): Promise<FileInfo[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const infos: FileInfo[] = [];
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    infos.push(...(await Promise.all(batch.map(async (path) => ({ path, bytes: (await stat(path)).size })))));
  }
  return infos;
}

export interface DistReport {
  files: number;
  bytes: number;
  /** The largest single file: some hosts cap the size of one file. */
  largestFile: { path: string; bytes: number };
  htmlPages: number;
  pagefind: { files: number; bytes: number; fragments: number; fragmentBytes: number; indexChunks: number; indexBytes: number; filterBytes: number; otherBytes: number; unusedUiBytes: number };
  largestClaim: { path: string; bytes: number };
  claimPages: { count: number; medianBytes: number };
  css: { bytes: number; files: { path: string; bytes: number }[]; inlineStyleBytes: number };
  nonSearchJs: { bytes: number; externalFiles: { path: string; bytes: number; pages: number }[]; inlineBytes: number; pagesWithJs: number; examples: string[] };
  searchPageJs: { bytes: number; files: string[] };
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes)?.slice(1).find((v) => v !== undefined);

/** The dist path a page's URL points at, or undefined for other sites. */
export function distPath(dist: string, pageFile: string, url: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
  const clean = url.split(/[?#]/)[0] ?? '';
  const path = clean.startsWith('/') ? join(dist, clean) : join(dirname(pageFile), clean);
  return path.endsWith(sep) || clean.endsWith('/') ? join(path, 'index.html') : path;
}

export async function measureDist(dist: string): Promise<DistReport> {
  const files = await walk(dist);
  const sizeOf = new Map(files.map((file) => [file.path, file.bytes]));
  const html = files.filter((file) => file.path.endsWith('.html'));
  const pagefindDir = join(dist, 'pagefind') + sep;
  const pf = files.filter((file) => file.path.startsWith(pagefindDir));
  const sum = (list: FileInfo[]) => list.reduce((total, file) => total + file.bytes, 0);
  const inPf = (folder: string) => pf.filter((file) => file.path.startsWith(join(pagefindDir, folder) + sep));
  const uiFiles = pf.filter((file) => /pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(file.path));

  const claimPages = html.filter((file) => {
    const parts = relative(dist, file.path).split(sep);
    return parts.length === 3 && parts[0] === 'claims' && parts[2] === 'index.html' && parts[1] !== 'page';
  });
  const sortedClaims = [...claimPages].sort((a, b) => a.bytes - b.bytes);
  const largest = sortedClaims.at(-1);

  const cssFiles = new Set(files.filter((file) => file.path.startsWith(join(dist, '_astro') + sep) && file.path.endsWith('.css')).map((file) => file.path));
  const jsFiles = new Map<string, number>();
  let inlineJs = 0;
  let inlineStyle = 0;
  let pagesWithJs = 0;
  const examples: string[] = [];
  const searchJs = new Set<string>();
  const searchPage = join(dist, 'search', 'index.html');
  for (let i = 0; i < html.length; i += 128) {
    const batch = html.slice(i, i + 128);
    const texts = await Promise.all(batch.map((file) => readFile(file.path, 'utf8')));
    batch.forEach((file, index) => {
      const text = texts[index] ?? '';
      const isSearch = file.path === searchPage;
      // The editor (issue 14) is the other page allowed its script; only it loads Decap CMS.
      const isEditor = relative(dist, file.path).split(sep)[0] === 'admin';
      let hasJs = false;
      for (const match of text.matchAll(LINK)) {
        const attrs = match[1] ?? '';
        const rel = (attribute(attrs, 'rel') ?? '').toLowerCase().split(/\s+/);
        const href = attribute(attrs, 'href');
        if (!href) continue;
        const target = distPath(dist, file.path, href);
        if (!target) continue;
        if (rel.includes('stylesheet')) cssFiles.add(target);
        if (rel.includes('modulepreload') || (rel.includes('preload') && (attribute(attrs, 'as') ?? '') === 'script')) {
          if (isSearch) searchJs.add(target);
          else {
            jsFiles.set(target, (jsFiles.get(target) ?? 0) + 1);
            hasJs = true;
          }
        }
      }
      for (const match of text.matchAll(STYLE)) inlineStyle += Buffer.byteLength(match[1] ?? '');
      for (const match of isEditor ? [] : text.matchAll(SCRIPT)) {
        const attrs = match[1] ?? '';
        const src = attribute(attrs, 'src');
        const type = (attribute(attrs, 'type') ?? '').toLowerCase();
        if (src) {
          const target = distPath(dist, file.path, src);
          if (!target) continue;
          if (isSearch) searchJs.add(target);
          else {
            jsFiles.set(target, (jsFiles.get(target) ?? 0) + 1);
            hasJs = true;
          }
        } else if (type !== 'application/ld+json' && type !== 'application/json' && !isSearch) {
          inlineJs += Buffer.byteLength(match[2] ?? '');
          hasJs = true;
        }
      }
      if (hasJs) {
        pagesWithJs++;
        if (examples.length < 5) examples.push(relative(dist, file.path));
      }
    });
  }
  const cssList = [...cssFiles].map((path) => ({ path: relative(dist, path), bytes: sizeOf.get(path) ?? 0 }));
  const jsList = [...jsFiles].map(([path, pages]) => ({ path: relative(dist, path), bytes: sizeOf.get(path) ?? 0, pages }));
  return {
    files: files.length,
    bytes: sum(files),
    largestFile: files.reduce((largestSoFar, file) => (file.bytes > largestSoFar.bytes ? { path: relative(dist, file.path), bytes: file.bytes } : largestSoFar), { path: 'none', bytes: 0 }),
    htmlPages: html.length,
    pagefind: {
      files: pf.length,
      bytes: sum(pf),
      fragments: inPf('fragment').length,
      fragmentBytes: sum(inPf('fragment')),
      indexChunks: inPf('index').length,
      indexBytes: sum(inPf('index')),
      filterBytes: sum(inPf('filter')),
      otherBytes: sum(pf) - sum(inPf('fragment')) - sum(inPf('index')) - sum(inPf('filter')),
      unusedUiBytes: sum(uiFiles),
    },
    largestClaim: { path: largest ? relative(dist, largest.path) : 'none', bytes: largest?.bytes ?? 0 },
    claimPages: { count: claimPages.length, medianBytes: sortedClaims[Math.floor(sortedClaims.length / 2)]?.bytes ?? 0 },
    css: { bytes: cssList.reduce((total, file) => total + file.bytes, 0) + inlineStyle, files: cssList, inlineStyleBytes: inlineStyle },
    nonSearchJs: { bytes: jsList.reduce((total, file) => total + file.bytes, 0) + inlineJs, externalFiles: jsList, inlineBytes: inlineJs, pagesWithJs, examples },
    searchPageJs: { bytes: [...searchJs].reduce((total, path) => total + (sizeOf.get(path) ?? 0), 0), files: [...searchJs].map((path) => relative(dist, path)) },
  };
}
