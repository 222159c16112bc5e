import { buildLayout, type MediaFileSpec } from './media-file';
import { layoutSha256 } from './file-layout';
import { UrlSigner } from './signed-urls';

/** One servable CDN file: where it lives and how to make its bytes. */
export interface CdnFile {
  host: string;
  path: string;
  /** Query parameters before `oh`/`oe`; `stp` (if any) tells size variants of one path apart. */
  leading: [string, string][];
  trailing: [string, string][];
  spec: MediaFileSpec;
  /** The platform id of the media this file shows, and whether it is the copy an exporter should keep. */
  mediaId: string;
  best: boolean;
  /** Unix seconds, for Last-Modified. */
  modifiedAt: number;
}

function fileKey(path: string, stp: string | null): string {
  return `${path}|${stp ?? ''}`;
}

/** Every file the fake CDN serves, shared by all platforms, with URL signing and cached hashes. */
export class CdnCatalog {
  private readonly files = new Map<string, CdnFile>();
  private readonly hashes = new Map<string, string>();
  private readonly signer: UrlSigner;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.signer = new UrlSigner(secret);
  }

  register(file: CdnFile): CdnFile {
    const stp = file.leading.find(([name]) => name === 'stp')?.[1] ?? null;
    const key = fileKey(file.path, stp);
    const existing = this.files.get(key);
    if (existing && existing.spec.seed !== file.spec.seed) throw new Error(`two CDN files share ${key}`);
    this.files.set(key, file);
    return file;
  }

  /** A freshly signed URL, valid for the configured TTL from now. */
  url(file: CdnFile, nowMs = Date.now()): string {
    const query = this.signer.sign(file.path, file.leading, file.trailing, nowMs / 1000 + this.ttlSeconds);
    return `https://${file.host}${file.path}?${query}`;
  }

  lookup(url: URL): CdnFile | undefined {
    return this.files.get(fileKey(url.pathname, url.searchParams.get('stp')));
  }

  verify(url: URL, nowMs = Date.now()): 'ok' | 'mismatch' | 'expired' {
    return this.signer.verify(url, Math.floor(nowMs / 1000));
  }

  /** The file's sha256 and size, computed once by streaming the same generator the CDN serves. */
  digest(spec: MediaFileSpec): { sha256: string; bytes: number } {
    const layout = buildLayout(spec);
    const key = `${spec.format}|${spec.bytes}|${spec.seed}|${spec.brand ?? ''}`;
    let sha256 = this.hashes.get(key);
    if (!sha256) {
      sha256 = layoutSha256(layout);
      this.hashes.set(key, sha256);
    }
    return { sha256, bytes: layout.size };
  }
}
