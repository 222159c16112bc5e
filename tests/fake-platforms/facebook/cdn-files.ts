import type { CdnCatalog, CdnFile } from '../media/cdn-catalog';
import type { Seeded } from '../instagram/seeded';

/**
 * The CDN files behind a photo or video, with URLs shaped like Facebook's (docs/platforms.md, "Facebook: items"):
 * `scontent.<pop>.fna.fbcdn.net/v/t39.30808-6/<a>_<b>_<c>_n.jpg?…&oh=…&oe=…` for photos and
 * `video.<pop>.fna.fbcdn.net/o1/v/t2/f2/m366/<token>.mp4?…` for videos. Both host families sit
 * under `*.fna.fbcdn.net`, which the shared CDN route serves from the shared catalog.
 */

const POPS = ['fdus1-1', 'flis5-1', 'fhnd2-1', 'fgru3-1', 'fmad1-1'];
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MIN_VARIANT_BYTES = 1_500;

export interface PhotoFilesInput {
  mediaId: string;
  format: 'jpg' | 'png' | 'gif';
  bytes: number;
  takenAt: number;
}

export interface VideoFilesInput {
  mediaId: string;
  bytes: number;
  takenAt: number;
  durationSeconds: number;
  height: number;
  withHd: boolean;
  /** False when the HD entry is listed with a failure reason: then SD is what an exporter keeps. */
  hdUsable: boolean;
}

export class FacebookCdnFiles {
  constructor(private readonly catalog: CdnCatalog) {}

  private common(host: string, rng: Seeded): [string, string][] {
    return [
      ['_nc_cat', String(rng.int(100, 111))],
      ['ccb', '1-7'],
      ['_nc_sid', rng.token(6, '0123456789abcdef')],
      ['_nc_ohc', rng.token(23)],
      ['_nc_zt', '23'],
      ['_nc_ht', host],
      ['_nc_gid', rng.token(22)],
    ];
  }

  /** The full-size original and the grid thumbnail (`stp=` crop, signed on its own). */
  photo(input: PhotoFilesInput, rng: Seeded): { full: CdnFile; thumb: CdnFile } {
    const host = `scontent.${rng.pick(POPS)}.fna.fbcdn.net`;
    const path = `/v/t39.30808-6/${rng.digits(9)}_${rng.digits(17)}_${rng.digits(19)}_n.${input.format}`;
    const common = this.common(host, rng);
    const owner = { mediaId: input.mediaId, modifiedAt: input.takenAt };
    const full = this.catalog.register({ host, path, leading: common, trailing: [], spec: { format: input.format, bytes: input.bytes, seed: `fb|${input.mediaId}|full` }, best: true, ...owner });
    const thumbSpec = { format: 'jpg' as const, bytes: Math.max(MIN_VARIANT_BYTES, Math.floor(input.bytes / 8)), seed: `fb|${input.mediaId}|thumb` };
    const thumb = this.catalog.register({ host, path, leading: [['stp', 'c0.5000x0.5000f_dst-jpg_e15_p206x206_tt6'], ...common], trailing: [], spec: thumbSpec, best: false, ...owner });
    return { full, thumb };
  }

  /** SD, HD (when the upload got one) and the poster frame, each its own path. */
  video(input: VideoFilesInput, rng: Seeded): { sd: CdnFile; hd?: CdnFile; thumbnail: CdnFile } {
    const pop = rng.pick(POPS);
    const host = `video.${pop}.fna.fbcdn.net`;
    const rendition = (label: string, height: number, bytes: number, best: boolean): CdnFile => {
      const tag = JSON.stringify({ vencode_tag: `xpv_progressive.FACEBOOK..C3.${height}.${label}`, xpv_asset_id: Number(input.mediaId), duration_s: Math.round(input.durationSeconds), urlgen_source: 'www' });
      const leading: [string, string][] = [
        ['strext', '1'],
        ['_nc_cat', String(rng.int(100, 111))],
        ['_nc_sid', '8bf8fe'],
        ['_nc_ht', host],
        ['_nc_ohc', rng.token(23)],
        ['efg', Buffer.from(tag).toString('base64url')],
        ['ccb', '9-4'],
        ['_nc_zt', '28'],
      ];
      const path = `/o1/v/t2/f2/m366/AQ${rng.token(60, URL_SAFE)}.mp4`;
      const spec = { format: 'mp4' as const, bytes, seed: `fb|${input.mediaId}|${label}`, brand: 'isom' as const };
      return this.catalog.register({ host, path, leading, trailing: [], spec, mediaId: input.mediaId, best, modifiedAt: input.takenAt });
    };
    const sdBytes = input.withHd ? Math.max(MIN_VARIANT_BYTES, Math.floor(input.bytes * 0.45)) : input.bytes;
    const sd = rendition('dash_h264-basic-gen2_360p', 360, sdBytes, !(input.withHd && input.hdUsable));
    const hd = input.withHd ? rendition('dash_h264-basic-gen2_720p', Math.min(720, input.height), input.bytes, input.hdUsable) : undefined;
    const thumbHost = `scontent.${pop}.fna.fbcdn.net`;
    const thumbPath = `/v/t15.5256-10/${rng.digits(9)}_${rng.digits(17)}_${rng.digits(19)}_n.jpg`;
    const thumbnail = this.catalog.register({
      host: thumbHost,
      path: thumbPath,
      leading: [['stp', 'dst-jpg_s960x960_tt6'], ...this.common(thumbHost, rng)],
      trailing: [],
      spec: { format: 'jpg', bytes: MIN_VARIANT_BYTES * 2, seed: `fb|${input.mediaId}|poster` },
      mediaId: input.mediaId,
      best: false,
      modifiedAt: input.takenAt,
    });
    return { sd, hd, thumbnail };
  }
}
