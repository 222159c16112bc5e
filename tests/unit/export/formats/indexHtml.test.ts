import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, relativeUrl, safeWebUrl } from '../../../../lib/export/formats/html';
import { INDEX_HTML_CSP, INDEX_HTML_STYLE, INDEX_HTML_STYLE_SHA256 } from '../../../../lib/export/formats/indexHtmlStyle';
import type { ManifestMedia } from '../../../../lib/export/layout/manifest';
import { HOSTILE_CAPTIONS, indexHtmlOf, manifest, post } from './manifestFixture';

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'a', 'bdi', 'main', 'article', 'div',
  'img', 'video', 'time', 'details', 'summary', 'dl', 'dt', 'dd', 'footer', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** Every tag the page opens, outside the style sheet (whose text is ours and constant). */
function tagsOf(html: string): string[] {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/, '');
  return [...withoutStyle.matchAll(/<\/?([a-zA-Z][^\s>/]*)/g)].map((m) => m[1]!.toLowerCase());
}

function captionsOf(html: string): string[] {
  return [...html.matchAll(/<p class="caption" dir="auto">([\s\S]*?)<\/p>/g)].map((m) => unescapeHtml(m[1]!));
}

const image: ManifestMedia = { id: 'm1', kind: 'image', sourceUrl: 's', path: 'media/images/instagram/2024-05-01_m1.jpg', width: 1080, height: 1350 };
const video: ManifestMedia = { id: 'm2', kind: 'video', sourceUrl: 's', path: 'media/videos/instagram/2024-05-01_m2.mp4' };

describe('escapeHtml', () => {
  it('escapes the five characters that can open a tag or end an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('relativeUrl and safeWebUrl', () => {
  it.each([
    ['media/images/instagram/2024-05-01_1.jpg', 'media/images/instagram/2024-05-01_1.jpg'],
    ['media/images/instagram/2024-05-01_a#b?c%d.jpg', 'media/images/instagram/2024-05-01_a%23b%3Fc%25d.jpg'],
    ['media/images/instagram/2024-05-01_🌅 x.jpg', 'media/images/instagram/2024-05-01_%F0%9F%8C%85%20x.jpg'],
  ])('%s → %s', (path, url) => {
    expect(relativeUrl(path)).toBe(url);
  });

  it.each([
    ['https://www.instagram.com/p/ABC/', 'https://www.instagram.com/p/ABC/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['//evil.example/x', undefined],
    [undefined, undefined],
  ])('permalink %s → %s', (url, expected) => {
    expect(safeWebUrl(url)).toBe(expected);
  });
});

describe('indexHtmlChunks', async () => {
  const captions = Object.values(HOSTILE_CAPTIONS);
  const hostile = manifest(
    captions.map((caption, i) => post({ id: `p${i}`, caption, media: [{ ...image, id: `m${i}`, path: `media/images/instagram/2024-05-01_m${i}.jpg` }] })),
    { account: { id: '1', handle: 'star.demo', displayName: '</title><script>alert(1)</script> نجمة' } },
  );
  let html = '';
  beforeAll(async () => {
    html = await indexHtmlOf(hostile);
  });

  it('keeps every hostile caption as text: no tag but the page’s own, the caption reads back unchanged', async () => {
    for (const tag of tagsOf(html)) expect(ALLOWED_TAGS.has(tag), `<${tag}>`).toBe(true);
    expect(html).not.toMatch(/<script/i);
    for (const tag of html.match(/<[a-zA-Z][^>]*>/g)!) expect(tag).not.toMatch(/\son[a-z]+=/i);
    expect(captionsOf(html)).toEqual(captions);
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;');
  });

  it('lets right-to-left and emoji captions keep their own direction and characters', async () => {
    expect(html).toContain(`<p class="caption" dir="auto">${escapeHtml(HOSTILE_CAPTIONS.rtl)}</p>`);
    expect(html).toContain(HOSTILE_CAPTIONS.emoji);
  });

  it('is one card per post with its media by relative path: <img> for images, <video controls> for videos', async () => {
    const page = await indexHtmlOf(
      manifest([
        post({ id: 'a', media: [image, video] }),
        post({ id: 'b', caption: null, media: [{ id: 'm3', kind: 'image', sourceUrl: 's', failure: { reason: 'too_large', message: 'Too big <b>' } }] }),
        post({ id: 'c', media: [{ id: 'm4', kind: 'image', sourceUrl: 's' }] }),
      ]),
    );
    expect(page.match(/<article /g)).toHaveLength(3);
    expect(page).toContain('<img src="media/images/instagram/2024-05-01_m1.jpg" loading="lazy" decoding="async" width="1080" height="1350" alt="Image 1 of 2">');
    expect(page).toContain('<video controls preload="metadata" src="media/videos/instagram/2024-05-01_m2.mp4" aria-label="Video 2 of 2"></video>');
    expect(page).toContain('1 file could not be downloaded. Too big &lt;b&gt;');
    expect(page).toContain('1 media file not included in this export.');
    expect(page).toContain('No caption');
    expect(page).toContain('<time datetime="2024-05-01T10:20:00.000Z">2024-05-01 10:20 UTC</time>');
    expect(page).toContain('href="instagram-export-20240601-abcdef.json"');
  });

  it('loads nothing from the network: no absolute src, no external style, scripts or fonts', async () => {
    expect(html).not.toMatch(/\ssrc="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('declares a strict CSP whose style hash is the page’s one style sheet', async () => {
    const hash = createHash('sha256').update(INDEX_HTML_STYLE, 'utf8').digest('base64');
    expect(INDEX_HTML_STYLE_SHA256, 'update INDEX_HTML_STYLE_SHA256 after editing the style').toBe(hash);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(INDEX_HTML_CSP)}">`);
    expect(INDEX_HTML_CSP).toContain("default-src 'none'");
    expect(INDEX_HTML_CSP).not.toMatch(/script-src|unsafe/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain(`<style>${INDEX_HTML_STYLE}</style>`);
  });

  it('links the post only to a web permalink', async () => {
    const page = await indexHtmlOf(manifest([post({ permalink: 'javascript:alert(1)' }), post({ id: 'p2' })]));
    expect(page).not.toContain('javascript:');
    expect(page.match(/Open on Instagram/g)).toHaveLength(1);
  });

  it('shows the platform facts as text, nested ones as JSON', async () => {
    const page = await indexHtmlOf(manifest([post({ metadata: { like_count: 5, location: { name: '<Lake>' }, empty: null } })]));
    expect(page).toContain('<dt>like_count</dt><dd dir="auto">5</dd>');
    expect(page).toContain('<dd dir="auto">{&quot;name&quot;:&quot;&lt;Lake&gt;&quot;}</dd>');
    expect(page).not.toContain('<dt>empty</dt>');
  });

  it('says which sections were read and, in words, which stopped short', async () => {
    const html = await indexHtmlOf(
      manifest([post()], {
        sections: [
          { name: 'posts', label: 'Posts', status: 'complete', strategy: 'graphql', listed: 60, expected: 60 },
          { name: 'stories', label: 'Stories', status: 'unavailable', strategy: 'graphql', listed: 0, reason: 'Instagram answered <500>.' },
        ],
      }),
    );
    expect(html).toContain('Posts: 60 of 60 (complete) · Stories: 0 (unavailable)');
    expect(html).toContain('<p class="note failed">Stories could not be read: Instagram answered &lt;500&gt;.</p>');
  });

  it('lists the failed files at the end', async () => {
    const page = await indexHtmlOf(
      manifest([post()], { failed: [{ mediaId: 'm9', postId: 'p1', url: 'u', reason: 'http_error', message: 'HTTP 500 <x>' }] }),
    );
    expect(page).toContain('<tr><td>m9</td><td>p1</td><td>HTTP 500 &lt;x&gt;</td></tr>');
  });
});
