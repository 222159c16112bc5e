import { PLATFORM_LABELS } from '../../platforms/labels';
import { mainJsonName, utcDate } from '../layout/exportPaths';
import type { ManifestHead, ManifestMedia, ManifestPost } from '../layout/manifest';
import type { ManifestSource } from '../layout/manifestStream';
import { sectionProblems } from '../sectionProblems';
import { escapeHtml, relativeUrl, safeWebUrl } from './html';
import { INDEX_HTML_CSP, INDEX_HTML_STYLE } from './indexHtmlStyle';

export const INDEX_HTML_NAME = 'index.html';

function utcDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'undated' : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function mediaElement(media: ManifestMedia, index: number, count: number): string {
  if (media.path === undefined) return '';
  const src = escapeHtml(relativeUrl(media.path));
  const size = media.width && media.height ? ` width="${media.width}" height="${media.height}"` : '';
  const position = count > 1 ? ` ${index + 1} of ${count}` : '';
  if (media.kind === 'video') {
    return `<video controls preload="metadata" src="${src}"${size} aria-label="Video${position}"></video>`;
  }
  return `<img src="${src}" loading="lazy" decoding="async"${size} alt="Image${position}">`;
}

function mediaNotes(post: ManifestPost): string {
  const failed = post.media.filter((m) => m.failure);
  const absent = post.media.filter((m) => m.path === undefined && !m.failure);
  const notes: string[] = [];
  if (failed.length > 0) {
    const reasons = [...new Set(failed.map((m) => m.failure!.message))].map(escapeHtml).join(' ');
    notes.push(`<p class="note failed">${plural(failed.length, 'file')} could not be downloaded. ${reasons}</p>`);
  }
  if (absent.length > 0) notes.push(`<p class="note">${plural(absent.length, 'media file')} not included in this export.</p>`);
  return notes.join('');
}

/** Platform facts (likes, location, duration…) as a collapsed list; nested values as JSON text. */
function metadataDetails(metadata: Record<string, unknown>): string {
  const rows = Object.entries(metadata)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      return `<dt>${escapeHtml(key)}</dt><dd dir="auto">${escapeHtml(text)}</dd>`;
    });
  return rows.length === 0 ? '' : `<details><summary>Details</summary><dl>${rows.join('')}</dl></details>`;
}

function postCard(post: ManifestPost, platformLabel: string): string {
  const media = post.media.map((m, i) => mediaElement(m, i, post.media.length)).join('');
  const caption = post.caption
    ? `<p class="caption" dir="auto">${escapeHtml(post.caption)}</p>`
    : '<p class="caption empty">No caption</p>';
  const count = post.media.length > 1 ? ` · ${post.media.length} files, swipe or scroll sideways` : '';
  const link = safeWebUrl(post.permalink);
  const open = link ? ` · <a href="${escapeHtml(link)}" rel="noopener noreferrer">Open on ${escapeHtml(platformLabel)}</a>` : '';
  return [
    `<article class="post" id="post-${escapeHtml(post.id)}">`,
    media ? `<div class="media">${media}</div>` : '',
    '<div class="body">',
    `<p class="meta"><time datetime="${escapeHtml(post.publishedAt)}">${escapeHtml(utcDateTime(post.publishedAt))}</time> · ${escapeHtml(post.kind)}${count}${open}</p>`,
    caption,
    metadataDetails(post.metadata),
    '</div>',
    mediaNotes(post),
    '</article>',
  ].join('');
}

/** What each part of the account gave, and in words what stopped short. */
function sectionsSummary(manifest: ManifestHead): string {
  if (manifest.sections.length === 0) return '';
  const parts = manifest.sections.map((s) => `${s.label}: ${s.listed}${s.expected === undefined ? '' : ` of ${s.expected}`} (${s.status})`);
  const problems = sectionProblems(manifest.sections).map((problem) => `<p class="note failed">${escapeHtml(problem)}</p>`);
  return `<p class="summary sections">${escapeHtml(parts.join(' · '))}</p>${problems.join('')}`;
}

function failedSection(manifest: ManifestHead): string {
  if (manifest.failed.length === 0) return '';
  const rows = manifest.failed
    .map((f) => `<tr><td>${escapeHtml(f.mediaId)}</td><td>${escapeHtml(f.postId)}</td><td>${escapeHtml(f.message)}</td></tr>`)
    .join('');
  return `<footer><h2>Files that could not be downloaded</h2><table><thead><tr><th>Media</th><th>Post</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table></footer>`;
}

/**
 * `index.html` at the export root: the account's posts as a grid that works from the unzipped
 * folder with no network, pointing at the media files by relative path. Every platform string is
 * escaped, and the CSP forbids scripts outright, so a hostile caption stays text. Written a post
 * at a time.
 */
export async function* indexHtmlChunks(source: ManifestSource): AsyncGenerator<string> {
  const manifest = source.head;
  const label = PLATFORM_LABELS[manifest.platform];
  const { account, counts } = manifest;
  // First-strong isolates keep a handle's bidi controls from reordering the text around it.
  const title = `@\u2068${account.handle}\u2069 — ${label} export`;
  const name = account.displayName ? ` <bdi>${escapeHtml(account.displayName)}</bdi>` : '';
  const jsonName = mainJsonName(manifest.platform, manifest.jobId);
  const summary = [
    `${label} export of ${utcDate(manifest.exportedAt)}`,
    plural(counts.posts, 'post'),
    `${plural(counts.savedFiles, 'file')} saved`,
    `${counts.failedFiles} failed`,
  ].join(' · ');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(INDEX_HTML_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${INDEX_HTML_STYLE}</style>
</head>
<body>
<header>
<h1>@<bdi>${escapeHtml(account.handle)}</bdi>${name}</h1>
<p class="summary">${escapeHtml(summary)} · all metadata in <a href="${escapeHtml(relativeUrl(jsonName))}">${escapeHtml(jsonName)}</a></p>
${sectionsSummary(manifest)}
</header>
<main class="grid">
`;
  let first = true;
  for await (const post of source.posts()) {
    yield `${first ? '' : '\n'}${postCard(post, label)}`;
    first = false;
  }
  yield `
</main>
${failedSection(manifest)}
</body>
</html>
`;
}
