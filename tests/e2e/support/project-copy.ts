/**
 * A copy of the project for a test that builds: its sources and config copied, its
 * node_modules linking each package, and its own caches (`.astro/`, Vite's), so a build in
 * it cannot disturb builds in the working tree, nor they it.
 */
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT as PROJECT } from './paths.ts';

export async function copyProject(into: string): Promise<string> {
  const project = join(into, 'project');
  await mkdir(project);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(join(PROJECT, entry), join(project, entry), { recursive: true });
  }
  await mkdir(join(project, 'node_modules'));
  for (const entry of await readdir(join(PROJECT, 'node_modules'))) {
    // .astro, .vite and the like are caches: the copy gets its own.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    await symlink(join(PROJECT, 'node_modules', entry), join(project, 'node_modules', entry), 'junction');
  }
  return project;
}
