import type { APIContext } from 'astro';
import { getCatalog, type Place } from '../../../lib/catalog.ts';
import { claimFeed } from '../../../lib/feeds.ts';
import { SITE } from '../../../site.config.ts';

export async function getStaticPaths() {
  const { places } = await getCatalog();
  return [...places.values()].map((place) => ({ params: { id: place.id }, props: { place } }));
}

export async function GET({ props }: APIContext<{ place: Place }>) {
  const catalog = await getCatalog();
  const { place } = props;
  return claimFeed({ title: `${SITE.name}: ${place.data.name}`, description: `Claims about ${place.data.name} and the places inside it.`, claims: place.claims, catalog });
}
