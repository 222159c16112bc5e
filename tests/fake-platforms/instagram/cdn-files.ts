import type { CdnCatalog, CdnFile } from '../media/cdn-catalog';
import type { MediaFileSpec } from '../media/media-file';
import type { IgCandidate, IgNode, IgVideoVersion } from './model';
import type { Seeded } from './seeded';

/** Builds the CDN files behind one node, with URLs shaped like Instagram's (docs/platforms.md, "Instagram: media items"). */

const IMAGE_HOSTS = ['scontent-lax3-1.cdninstagram.com', 'scontent-ams2-1.cdninstagram.com', 'scontent-fra5-2.cdninstagram.com', 'instagram.flhr8-1.fna.fbcdn.net', 'instagram.fsin14-1.fna.fbcdn.net'];
const VIDEO_HOSTS = ['instagram.flax3-1.fna.fbcdn.net', 'scontent-ams2-1.cdninstagram.com', 'instagram.fgru3-1.fna.fbcdn.net'];
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MIN_VARIANT_BYTES = 1_200;

const b64url = (value: string) => Buffer.from(value).toString('base64url');

type Owner = Pick<CdnFile, 'mediaId' | 'best' | 'modifiedAt'>;

export interface ImageNodeInput {
  pk: string;
  width: number;
  height: number;
  format: 'jpg' | 'png';
  bytes: number;
  takenAt: number;
  accessibilityCaption: string | null;
}

export interface VideoNodeInput {
  pk: string;
  width: number;
  height: number;
  format: 'mp4' | 'mov';
  brand: 'isom' | 'mp42';
  bytes: number;
  coverBytes: number;
  takenAt: number;
  durationSeconds: number;
  /** List a smaller version first, as a trap for clients that take video_versions[0]. */
  smallerFirst: boolean;
}

export class InstagramCdnFiles {
  constructor(private readonly catalog: CdnCatalog) {}

  private imagePath(rng: Seeded, ext: string, kind = 't51.2885-15'): string {
    return `/v/${kind}/${rng.digits(9)}_18${rng.digits(15, '0123456789')}_${rng.digits(19)}_n.${ext}`;
  }

  private imageFile(host: string, path: string, stp: string | undefined, common: [string, string][], spec: MediaFileSpec, owner: Owner): CdnFile {
    const leading: [string, string][] = stp === undefined ? [...common] : [['stp', stp], ...common];
    return this.catalog.register({ host, path, leading, trailing: [['_nc_sid', '10d13b']], spec, ...owner });
  }

  /** Candidates as the web API lists them: the original, scaled copies, then square crops. */
  candidates(input: ImageNodeInput, rng: Seeded, cover = false): IgCandidate[] {
    const { pk, width: w, height: h, format, bytes, takenAt } = input;
    const host = rng.pick(IMAGE_HOSTS);
    const path = this.imagePath(rng, format);
    const common: [string, string][] = [
      ['efg', b64url(JSON.stringify({ vencode_tag: `image_urlgen.${w}x${h}.sdr.f75761.default_image` }))],
      ['_nc_ht', host],
      ['_nc_cat', String(rng.int(1, 111))],
      ['_nc_ohc', rng.token(23)],
      ['edm', 'APs17CUBAAAA'],
      ['ccb', '7-5'],
      ['ig_cache_key', `${Buffer.from(pk).toString('base64')}.3-ccb7-5`],
    ];
    const area = w * h;
    const variant = (stp: string, vw: number, vh: number, size: number): IgCandidate => {
      const seed = `${pk}${cover ? '|cover' : ''}|${stp}`;
      const owner = { mediaId: pk, best: !cover && vw === w && vh === h && !stp.startsWith('c'), modifiedAt: takenAt };
      return { width: vw, height: vh, file: this.imageFile(host, path, stp, common, { format, bytes: size, seed }, owner) };
    };
    const scaled = (share: number) => Math.max(MIN_VARIANT_BYTES, Math.floor(bytes * Math.min(0.9, share)));
    const list = [variant(`dst-${format}_e35_tt6`, w, h, bytes)];
    const longest = Math.max(w, h);
    for (const box of [1080, 750, 640, 480, 320, 240]) {
      if (box >= longest) continue;
      const vw = Math.round((w * box) / longest);
      const vh = Math.round((h * box) / longest);
      list.push(variant(`dst-${format}_e35_p${box}x${box}_tt6`, vw, vh, scaled((vw * vh) / area)));
    }
    // A square crop upscaled past the original's area: clients must take candidates[0], not the largest.
    const crop = Math.min(w, h);
    const cropAt = `c${Math.floor((w - crop) / 2)}.${Math.floor((h - crop) / 2)}.${crop}.${crop}a`;
    const side = longest + 240;
    list.push(variant(`${cropAt}_dst-${format}_e35_s${side}x${side}_tt6`, side, side, scaled(0.8)));
    for (const box of [640, 480, 320, 150]) {
      list.push(variant(`${cropAt}_dst-${format}_e35_s${box}x${box}_tt6`, box, box, scaled((box * box) / area)));
    }
    return list;
  }

  imageNode(input: ImageNodeInput, rng: Seeded): IgNode {
    const candidates = this.candidates(input, rng);
    const best = candidates[0];
    if (!best) throw new Error('no candidates');
    return { pk: input.pk, mediaType: 1, width: input.width, height: input.height, candidates, best: best.file, accessibilityCaption: input.accessibilityCaption };
  }

  videoNode(input: VideoNodeInput, rng: Seeded): IgNode {
    const { pk, width, height, format, bytes, takenAt, durationSeconds } = input;
    const host = rng.pick(VIDEO_HOSTS);
    // Web progressive files stop at 720p whatever the upload; 1080p exists only in DASH.
    const bestWidth = Math.min(width, 720);
    const bestHeight = Math.round((height * bestWidth) / width);
    const lowWidth = Math.min(width, 480);
    const lowHeight = Math.round((height * lowWidth) / width);
    const version = (type: 101 | 102 | 103, vw: number, vh: number, size: number): IgVideoVersion => {
      const path = `/o1/v/t16/f2/m86/AQ${rng.token(62, URL_SAFE)}.${format}`;
      const leading: [string, string][] = [
        ['_nc_cat', String(rng.int(100, 111))],
        ['_nc_sid', '5e9851'],
        ['_nc_ht', host],
        ['_nc_ohc', rng.token(23)],
        ['efg', b64url(JSON.stringify({ vencode_tag: `xpv_progressive.INSTAGRAM.CLIPS.C3.${vh}.dash_baseline_${type - 100}_v1`, duration_s: Math.round(durationSeconds), urlgen_source: 'www' }))],
        ['ccb', '17-1'],
        ['_nc_zt', '28'],
      ];
      const spec: MediaFileSpec = { format, bytes: size, seed: `${pk}|video|${type}`, brand: input.brand };
      const file = this.catalog.register({ host, path, leading, trailing: [], spec, mediaId: pk, best: type === 101, modifiedAt: takenAt });
      return { type, width: vw, height: vh, id: `${rng.digits(16)}v`, file };
    };
    const best = version(101, bestWidth, bestHeight, bytes);
    const low = version(102, lowWidth, lowHeight, Math.max(MIN_VARIANT_BYTES, Math.floor(bytes * 0.45)));
    const lowest = version(103, lowWidth, lowHeight, Math.max(MIN_VARIANT_BYTES, Math.floor(bytes * 0.4)));
    const cover = this.candidates({ pk, width: bestWidth, height: bestHeight, format: 'jpg', bytes: input.coverBytes, takenAt, accessibilityCaption: null }, rng, true);
    return {
      pk,
      mediaType: 2,
      width,
      height,
      candidates: cover,
      videoVersions: input.smallerFirst ? [low, best, lowest] : [best, low, lowest],
      best: best.file,
      durationSeconds,
      accessibilityCaption: null,
    };
  }

  avatar(userPk: string, rng: Seeded): { small: CdnFile; hd: CdnFile; profilePicId: string } {
    const host = rng.pick(IMAGE_HOSTS);
    const path = this.imagePath(rng, 'jpg', 't51.2885-19');
    const common: [string, string][] = [['_nc_ht', host], ['_nc_cat', String(rng.int(1, 111))], ['_nc_ohc', rng.token(23)], ['edm', 'AOQ1c0wBAAAA'], ['ccb', '7-5']];
    const owner = { mediaId: `avatar:${userPk}`, best: false, modifiedAt: 0 };
    const small = this.imageFile(host, path, 'dst-jpg_s150x150_tt6', common, { format: 'jpg', bytes: 3_000, seed: `${userPk}|avatar|150` }, owner);
    const hd = this.imageFile(host, path, undefined, common, { format: 'jpg', bytes: 9_000, seed: `${userPk}|avatar|hd` }, owner);
    return { small, hd, profilePicId: `${rng.digits(19)}_${userPk}` };
  }

  highlightCover(highlightId: string, takenAt: number, rng: Seeded): CdnFile {
    const host = rng.pick(IMAGE_HOSTS);
    const path = this.imagePath(rng, 'jpg');
    const common: [string, string][] = [['_nc_ht', host], ['_nc_cat', String(rng.int(1, 111))], ['_nc_ohc', rng.token(23)], ['edm', 'AGW0KZMBAAAA'], ['ccb', '7-5']];
    const owner = { mediaId: `highlight:${highlightId}`, best: false, modifiedAt: takenAt };
    return this.imageFile(host, path, 'c0.248.640.640a_dst-jpg_e35_s150x150_tt6', common, { format: 'jpg', bytes: 2_500, seed: `${highlightId}|cover` }, owner);
  }
}
