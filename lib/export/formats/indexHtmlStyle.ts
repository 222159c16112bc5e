/**
 * The page's only style sheet. Its SHA-256 is in the CSP, so the page allows exactly this inline
 * style and nothing else; change one byte here and the hash must follow (a unit test says the
 * new value).
 */
export const INDEX_HTML_STYLE = `
:root { color-scheme: light dark; --bg: #f6f6f8; --card: #fff; --text: #1b1b1f; --muted: #5c5c66; --line: #d9d9e0; --accent: #3d4fc4; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #151518; --card: #222228; --text: #ececf1; --muted: #a8a8b3; --line: #3a3a44; --accent: #9aa7ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { margin: 0 0 4px; font-size: 1.5rem; }
h2 { font-size: 1.1rem; }
a { color: var(--accent); }
.summary { margin: 0; color: var(--muted); font-variant-numeric: tabular-nums; }
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }
.post { background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; display: flex; flex-direction: column; }
.media { display: flex; overflow-x: auto; scroll-snap-type: x mandatory; background: #000; }
.media img, .media video { flex: 0 0 100%; width: 100%; height: auto; aspect-ratio: 1; object-fit: contain; scroll-snap-align: start; display: block; }
.body { padding: 10px 12px 12px; display: grid; gap: 6px; }
.meta { margin: 0; color: var(--muted); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
.caption { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.caption.empty { color: var(--muted); font-style: italic; }
.note { margin: 0; padding: 8px 12px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
.note.failed { color: #b3261e; }
details { font-size: 0.85rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 4px 0 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: start; padding: 4px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
`;

export const INDEX_HTML_STYLE_SHA256 = 'j1g9OAyFVEcR94YV2cCh/oscL7KYS7rSaDjNo+WqWXU=';

/**
 * No scripts, fonts, frames or network at all; images and videos only from the unzipped folder
 * itself. Chromium 156 lets 'self' match files beside a file: page; `file:` is named as well for
 * browsers that give each local file an origin of its own, and 'self' covers the folder served
 * over HTTP.
 */
export const INDEX_HTML_CSP = [
  "default-src 'none'",
  "img-src 'self' file:",
  "media-src 'self' file:",
  `style-src 'sha256-${INDEX_HTML_STYLE_SHA256}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
