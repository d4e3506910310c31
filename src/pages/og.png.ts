/** The site's link-preview card (/og.png), for pages without their own: the first article's cover picture. */
import type { APIRoute } from 'astro';
import { articlesInOrder, coverOf } from '../site/articles.ts';
import { previewCard } from '../node/og-image.ts';

export const GET: APIRoute = async () => {
  const [first] = await articlesInOrder();
  if (!first) throw new Error('The site has no article to make its preview card from (content/articles/).');
  const png = await previewCard(
    await coverOf(first),
    'What a convolutional neural network sees',
    'Interactive articles, computed from real weights',
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
