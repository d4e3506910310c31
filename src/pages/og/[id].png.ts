/** Each article's link-preview card (/og/<id>.png): its cover picture, its title, its place in the series. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articlesInOrder, coverOf, minutesOf } from '../../site/articles.ts';
import { previewCard } from '../../node/og-image.ts';

export const getStaticPaths = (async () => {
  const series = await articlesInOrder();
  return series.map((entry, i) => ({
    params: { id: entry.id },
    props: { entry, part: i + 1, of: series.length },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { entry, part, of } }) => {
  const footer = `Part ${part} of ${of} · ${minutesOf(entry)} min read`;
  const png = await previewCard(await coverOf(entry), entry.data.title, footer);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
