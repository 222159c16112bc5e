import { describe, expect, it } from 'vitest';
import { bundleUrls, relayOperationIds } from '../../../../lib/platforms/facebook/bundles';
import { fixtureText } from './fakeFacebook';

describe('the page’s JS bundles', () => {
  it('finds the script bundles a home page links, once each, stylesheets and other hosts left out', () => {
    const html = [
      '<link type="text/css" rel="stylesheet" href="https://static.xx.fbcdn.net/rsrc.php/v4/yS/l/0,cross/Kq1vX.css" />',
      '<link rel="preload" href="https://static.xx.fbcdn.net/rsrc.php/v4/yQ/r/abc.js" as="script" crossorigin="anonymous" />',
      '<script src="https://static.xx.fbcdn.net/rsrc.php/v4i3D4/yF/l/en_GB/Xy-Z_1.js?_nc_x=Ij3Wp8lg5Kz&amp;_nc_eui2=AeH" async="1"></script>',
      '<script src="https://static.xx.fbcdn.net/rsrc.php/v4/yQ/r/abc.js" async="1"></script>',
      '<script src="https://evil.example/rsrc.php/v4/x.js"></script>',
    ].join('');
    expect(bundleUrls(html)).toEqual([
      'https://static.xx.fbcdn.net/rsrc.php/v4/yQ/r/abc.js',
      'https://static.xx.fbcdn.net/rsrc.php/v4i3D4/yF/l/en_GB/Xy-Z_1.js?_nc_x=Ij3Wp8lg5Kz&_nc_eui2=AeH',
    ]);
    expect(bundleUrls(fixtureText('home-logged-in.html'))).toEqual(['https://static.xx.fbcdn.net/rsrc.php/v4/yQ/r/abc.js']);
  });

  it('reads every <Query>_facebookRelayOperation module, minified, strict or pretty-printed', () => {
    expect(Object.fromEntries(relayOperationIds(fixtureText('bundle-relay-operations.js.txt')))).toEqual({
      CometPhotoRootContentQuery: '25407333282216326',
      CometVideoRootMediaViewerQuery: '25092610667077508',
      ProfileCometAppCollectionPhotosRendererPaginationQuery: '27028962643386672',
      ProfileCometAppCollectionVideosRendererPaginationQuery: '27205790585732100',
      ProfileCometAppCollectionReelsRendererPaginationQuery: '9608255752564845',
    });
  });

  it('takes no id from modules that only name the operation, or from other apps’ operations', () => {
    const js =
      '__d("CometPhotoRootContentQuery$Parameters",["CometPhotoRootContentQuery_facebookRelayOperation"],(function(a,b,c,d,e,f){e.exports={params:{id:b("CometPhotoRootContentQuery_facebookRelayOperation")}}}),null);' +
      '__d("PolarisProfilePostsQuery_instagramRelayOperation",[],(function(a,b,c,d,e,f){e.exports="28570182382647478"}),null);';
    expect(relayOperationIds(js).size).toBe(0);
  });
});
