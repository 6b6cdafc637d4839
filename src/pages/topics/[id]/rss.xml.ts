import type { APIContext } from 'astro';
import { getCatalog, type Topic } from '../../../lib/catalog.ts';
import { claimFeed } from '../../../lib/feeds.ts';
import { SITE } from '../../../site.config.ts';

export async function getStaticPaths() {
  const { topics } = await getCatalog();
  return [...topics.values()].map((topic) => ({ params: { id: topic.id }, props: { topic } }));
}

export async function GET({ props }: APIContext<{ topic: Topic }>) {
  const catalog = await getCatalog();
  const { topic } = props;
  return claimFeed({ title: `${SITE.name}: ${topic.data.title}`, description: topic.data.description, claims: topic.claims, catalog });
}
