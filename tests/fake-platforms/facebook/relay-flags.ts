/**
 * The relay provider flags 2026 clients send (docs/platforms.md, "Facebook: what changed in late 2026"): the media viewer
 * queries carry the seven of lijunle/facebook-post-downloader's `extensions/graphql.js`, the reels
 * query the two of minhchi1509/social_downloader_extension. A query whose flags are missing is
 * answered as if the client were from before them: the media viewer gives `currMedia: null`, the
 * reels listing the older `short_form_video_context.playback_video` shape.
 */

const pv = (name: string) => `__relay_internal__pv__${name}relayprovider`;

export const DETAIL_FLAGS = [
  pv('GHLShouldChangeSponsoredDataFieldName'),
  pv('TestPilotShouldIncludeDemoAdUseCase'),
  pv('CometUFIShareActionMigration'),
  pv('CometUFICommentAvatarStickerAnimatedImage'),
  pv('IsWorkUser'),
  pv('CometUFIReactionsEnableShortName'),
  pv('CometImmersivePhotoCanUserDisable3DMotion'),
] as const;

const REELS_DEPRECATE_CONTEXT = pv('FBReels_deprecate_short_form_video_context_gk');
const REELS_ADS_FOOTER = pv('FBReelsMediaFooter_comet_enable_reels_ads_gk');

export function hasDetailFlags(variables: Record<string, unknown>): boolean {
  return DETAIL_FLAGS.every((flag) => typeof variables[flag] === 'boolean');
}

/** With both flags, and the deprecation on, reels come as `attachments[0].media`. */
export function wantsReelAttachments(variables: Record<string, unknown>): boolean {
  return variables[REELS_DEPRECATE_CONTEXT] === true && typeof variables[REELS_ADS_FOOTER] === 'boolean';
}
