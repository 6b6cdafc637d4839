/** `/admin/config.yml`: the content editor's configuration, generated from the schemas. */
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { editorConfig } from '../../lib/editor/config.ts';

export const GET: APIRoute = () =>
  new Response(stringify(editorConfig(), { lineWidth: 0, aliasDuplicateObjects: false }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
