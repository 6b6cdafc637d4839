/**
 * Starts the content editor at /admin/: loads Decap CMS (served from the site itself,
 * copied from node_modules by src/integrations/editor.ts), teaches it to read and write
 * content files as contributors do (src/lib/editor/file-format.ts), and points its local
 * backend at this page's own origin, where `npm run cms` serves decap-server.
 */
import { parse } from 'yaml';
import { readEntry, writeEntry } from '../lib/editor/file-format.ts';
import type { EditorCollection } from '../lib/editor/config.ts';
import type { EditorField } from '../lib/editor/fields.ts';

interface DecapCms {
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(content: string): unknown; toFile(data: Record<string, unknown>, sortedKeys?: string[]): string },
  ): void;
  init(options?: { config?: Record<string, unknown> }): void;
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
  }
}

/** The fields that hold dates: a year alone in them is written as contributors write it, `2022`. */
function dateKeys(fields: readonly EditorField[], found = new Set<string>()): Set<string> {
  for (const field of fields) {
    if (field.pattern && new RegExp(field.pattern[0]).test('2022')) found.add(field.name);
    if (field.fields) dateKeys(field.fields, found);
  }
  return found;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function start(): Promise<void> {
  window.CMS_MANUAL_INIT = true;
  const configUrl = document.querySelector<HTMLLinkElement>('link[rel="cms-config-url"]')?.href ?? new URL('config.yml', document.baseURI).href;
  const [configText] = await Promise.all([
    fetch(configUrl).then((response) => response.text()),
    loadScript(new URL('decap-cms.js', document.baseURI).href),
  ]);
  const cms = window.CMS;
  if (!cms) throw new Error('Decap CMS did not load');
  const config = parse(configText) as { collections: EditorCollection[] };
  for (const collection of config.collections) {
    const order = collection.fields.map((field) => field.name);
    const dates = dateKeys(collection.fields);
    cms.registerCustomFormat(collection.format, collection.extension, {
      fromFile: readEntry,
      toFile: (data) => writeEntry(data, { order, dateKeys: dates }),
    });
  }
  // Decap only looks for a local backend when the page is on localhost; `npm run cms` serves it
  // at LOCAL_BACKEND_PATH (src/lib/editor/local-backend.ts) on the page's own origin.
  cms.init({ config: { local_backend: { url: new URL('/api/v1/', location.origin).href } } });
}

start().catch((error: unknown) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.append(message);
});
