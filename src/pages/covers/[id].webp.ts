/** Each article's home-page card picture (/covers/<id>.webp): its cover as a WebP thumbnail. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articlesInOrder, coverOf } from '../../site/articles.ts';
import { cardThumbnail } from '../../node/card-thumbnail.ts';

export const getStaticPaths = (async () => {
  const series = await articlesInOrder();
  return Promise.all(
    series.map(async (entry) => {
      const { file, pixelated } = await coverOf(entry);
      return { params: { id: entry.id }, props: { file, pixelated } };
    }),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { file, pixelated } }) =>
  new Response(new Uint8Array(await cardThumbnail(file, pixelated)), { headers: { 'Content-Type': 'image/webp' } });
