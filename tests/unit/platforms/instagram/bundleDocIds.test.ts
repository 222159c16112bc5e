import { describe, expect, it } from 'vitest';
import { docIdsIn } from '../../../../lib/platforms/instagram/bundleDocIds';
import { RELAY_MODULE_LAYOUTS, relayOperationBundles, relayOperationModule } from '../../../fake-platforms/instagram/bundles';
import { BUNDLE_DOC_IDS, fixtureText } from './fakeInstagram';

describe('docIdsIn', () => {
  it.each([
    ['the minified module', '__d("PolarisProfilePostsQuery_instagramRelayOperation",[],(function(a,b,c,d,e,f){e.exports="111111111111"}),null);', '111111111111'],
    ['spaces, newlines and other parameter names', '__d("PolarisProfilePostsQuery_instagramRelayOperation", [], (function (t, n, r, o, a, i) {\n  a.exports = "222222222222";\n}), null);', '222222222222'],
    ['single quotes and a named module function', "__d('PolarisProfilePostsQuery_instagramRelayOperation',[],function $module_X(global,require,module,exports){module.exports=\"333333333333\"},null);", '333333333333'],
    ['a numeric export', '__d("PolarisProfilePostsQuery_instagramRelayOperation",[],(function(a,b,c,d,e,f){e.exports=444444444444}),null);', '444444444444'],
    ['the id inlined in the query params', 'x={params:{id:"555555555555",metadata:{},name:"PolarisProfilePostsQuery",operationKind:"query",text:null}}', '555555555555'],
    ['params that only refer to the module', 'x={params:{id:b("PolarisProfilePostsQuery_instagramRelayOperation"),metadata:{},name:"PolarisProfilePostsQuery",operationKind:"query"}}', undefined],
    ['a module without digits', '__d("PolarisProfilePostsQuery_instagramRelayOperation",[],(function(a,b,c,d,e,f){e.exports=c("x")}),null);', undefined],
    ['nothing of the kind', 'function f(){return 1}', undefined],
  ])('%s', (_name, source, expected) => {
    expect(docIdsIn(source).get('PolarisProfilePostsQuery')).toBe(expected);
  });

  it('prefers the operation module over an inlined copy', () => {
    const source =
      'x={params:{id:"666666666666",metadata:{},name:"PolarisProfilePostsQuery",operationKind:"query"}};' +
      '__d("PolarisProfilePostsQuery_instagramRelayOperation",[],(function(a,b,c,d,e,f){e.exports="777777777777"}),null);';
    expect(docIdsIn(source).get('PolarisProfilePostsQuery')).toBe('777777777777');
  });

  it('reads every query of the fixture bundles', () => {
    const ids = new Map([...docIdsIn(fixtureText('bundle-relay-ops-1.js.txt')), ...docIdsIn(fixtureText('bundle-relay-ops-2.js.txt'))]);
    for (const [name, id] of Object.entries(BUNDLE_DOC_IDS)) expect(ids.get(name)).toBe(id);
    expect(ids.get('PolarisProfilePageContentQuery')).toBe('28036671149327607');
  });

  it.each(RELAY_MODULE_LAYOUTS)('reads the fake platform’s %s layout', (layout) => {
    expect(docIdsIn(relayOperationModule('PolarisProfilePostsQuery', '888888888888', layout)).get('PolarisProfilePostsQuery')).toBe('888888888888');
  });

  it('reads every query the fake platform’s bundles publish, among filler and other queries', () => {
    const ids = new Map(relayOperationBundles(BUNDLE_DOC_IDS).flatMap((bundle) => [...docIdsIn(bundle.text)]));
    for (const [name, id] of Object.entries(BUNDLE_DOC_IDS)) expect(ids.get(name)).toBe(id);
  });
});
