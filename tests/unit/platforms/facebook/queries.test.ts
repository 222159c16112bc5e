import { describe, expect, it } from 'vitest';
import { COLLECTIONS, collectionVariables, detailVariables } from '../../../../lib/platforms/facebook/queries';

const UID = '100012345678901';
const pv = (name: string) => `__relay_internal__pv__${name}relayprovider`;

describe('query variables as the 2026 web client sends them', () => {
  it('the media viewer queries carry the relay provider flags (lijunle/facebook-post-downloader)', () => {
    const flags = {
      [pv('GHLShouldChangeSponsoredDataFieldName')]: true,
      [pv('TestPilotShouldIncludeDemoAdUseCase')]: false,
      [pv('CometUFIShareActionMigration')]: true,
      [pv('CometUFICommentAvatarStickerAnimatedImage')]: false,
      [pv('IsWorkUser')]: false,
      [pv('CometUFIReactionsEnableShortName')]: false,
      [pv('CometImmersivePhotoCanUserDisable3DMotion')]: false,
    };
    expect(detailVariables('photo', '1', { of: 'uploads', uid: UID })).toMatchObject({ ...flags, shouldShowComments: true, nodeID: '1', mediasetToken: `pb.${UID}.-2207520000`, isMediaset: true });
    expect(detailVariables('video', '2', null)).toMatchObject({ ...flags, nodeID: '2', mediasetToken: null });
  });

  it('the reels listing carries the reels flags (minhchi1509/social_downloader_extension)', () => {
    expect(collectionVariables(COLLECTIONS.reels, UID, null)).toMatchObject({
      [pv('FBReels_deprecate_short_form_video_context_gk')]: true,
      [pv('FBReelsMediaFooter_comet_enable_reels_ads_gk')]: true,
      id: btoa(`app_collection:${UID}:168684841768375:260`),
    });
    expect(Object.keys(collectionVariables(COLLECTIONS.uploads, UID, null)).some((key) => key.startsWith('__relay_internal__'))).toBe(false);
  });
});
