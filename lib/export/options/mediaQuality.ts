import type { MediaItem, MediaVariant } from '../../platforms/types';
import { QUALITY_CHOICES, type Quality } from './exportOptions';

/** Variants whose shape differs from the chosen file's by more than this are crops (Instagram's square ones). */
const ASPECT_TOLERANCE = 0.02;

/** The side a quality limits: the shorter one, as "1080p" names a 1920×1080 video and a 1080×1920 reel alike. */
function side(variant: MediaVariant): number | undefined {
  return variant.width !== undefined && variant.height !== undefined ? Math.min(variant.width, variant.height) : undefined;
}

function sameShape(a: MediaVariant, b: MediaVariant): boolean {
  if (!a.width || !a.height || !b.width || !b.height) return false;
  return Math.abs(a.width / a.height - b.width / b.height) <= ASPECT_TOLERANCE * (a.width / a.height);
}

/**
 * The platform's own file that fits the quality: the largest of its sizes whose shorter side is within
 * the limit, else the smallest it offers (no size fits: the nearest one). Original keeps what the
 * platform adapter chose. Only sizes of the original's shape and with known dimensions compete, and
 * none larger than the original: nothing is upscaled, cropped, or made up by editing a signed URL.
 */
export function chooseVariant(original: MediaVariant, variants: readonly MediaVariant[], quality: Quality): MediaVariant {
  const maxSide = QUALITY_CHOICES.find((choice) => choice.value === quality)?.maxSide;
  const originalSide = side(original);
  if (maxSide === undefined || originalSide === undefined || originalSide <= maxSide) return original;
  const sizes = [original, ...variants.filter((variant) => sameShape(variant, original) && (side(variant) ?? Infinity) <= originalSide)].sort(
    (a, b) => side(a)! - side(b)!,
  );
  const fitting = sizes.filter((variant) => side(variant)! <= maxSide);
  return fitting[fitting.length - 1] ?? sizes[0]!;
}

/**
 * A ladder of sizes that may not all exist (`MediaItem.fallbacks`, largest first) cut to the quality:
 * it starts at the first size within the limit, so a missing one falls back only to smaller ones.
 * When none fits, the smallest is kept, as `chooseVariant` keeps the nearest. Sizes on a ladder are
 * the same picture (YouTube letterboxes its 4:3 sizes), so their shape is not compared.
 */
function ladderAtQuality(item: MediaItem, fallbacks: readonly MediaVariant[], quality: Quality): MediaItem {
  const maxSide = QUALITY_CHOICES.find((choice) => choice.value === quality)?.maxSide;
  const ladder: MediaVariant[] = [{ url: item.url, width: item.width, height: item.height }, ...fallbacks];
  const start = maxSide === undefined ? 0 : ladder.findIndex((size) => (side(size) ?? Infinity) <= maxSide);
  const [first, ...rest] = ladder.slice(start === -1 ? ladder.length - 1 : start);
  const { fallbacks: _all, ...plain } = item;
  return { ...plain, url: first!.url, width: first!.width, height: first!.height, ...(rest.length > 0 ? { fallbacks: rest } : {}) };
}

/** The item at the chosen quality, without its list of sizes (which is never stored). */
export function atQuality(item: MediaItem, quality: Quality): MediaItem {
  const { variants, ...rest } = item;
  if (item.unavailable) return rest;
  if (rest.fallbacks) return ladderAtQuality(rest, rest.fallbacks, quality);
  if (!variants) return rest;
  const chosen = chooseVariant({ url: item.url, width: item.width, height: item.height }, variants, quality);
  if (chosen.url === item.url) return rest;
  return { ...rest, url: chosen.url, width: chosen.width, height: chosen.height };
}
