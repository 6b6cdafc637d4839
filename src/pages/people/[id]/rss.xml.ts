import type { APIContext } from 'astro';
import { getCatalog, type Person } from '../../../lib/catalog.ts';
import { claimFeed } from '../../../lib/feeds.ts';
import { SITE } from '../../../site.config.ts';

export async function getStaticPaths() {
  const { people } = await getCatalog();
  return [...people.values()].map((person) => ({ params: { id: person.id }, props: { person } }));
}

export async function GET({ props }: APIContext<{ person: Person }>) {
  const catalog = await getCatalog();
  const { person } = props;
  return claimFeed({ title: `${SITE.name}: claims by ${person.data.name}`, description: `Claims by ${person.data.name} and their verification status.`, claims: person.claims, catalog });
}
