import { describe, expect, it, vi } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { DOC_IDS_MAX_AGE_MS } from '../../../../lib/platforms/facebook/docIds';
import { graphqlQuery } from '../../../../lib/platforms/facebook/graphql';
import { COLLECTIONS, DETAILS } from '../../../../lib/platforms/facebook/queries';
import { rejection } from '../rejections';
import { BUNDLE_PATH, FakeFacebook, fixtureText, respond, type GraphqlCall } from './fakeFacebook';

const PHOTO = DETAILS.photo;
const collectionQuery = COLLECTIONS.uploads;
const NOT_FOUND = (id: string) => respond(200, `{"errors":[{"message":"The GraphQL document with ID ${id} was not found.","severity":"CRITICAL"}],"data":null}`);
const DETAIL_OK = respond(200, '{"data":{"currMedia":{"__typename":"Photo","id":"1"}},"extensions":{"is_final":true}}');

/** A bundle publishing the photo query under `id`, as after a Facebook deploy. */
function bundleWith(id: string) {
  return respond(200, fixtureText('bundle-relay-operations.js.txt').replace('"25407333282216326"', `"${id}"`), { 'content-type': 'application/x-javascript' });
}

const docIdOf = (call: GraphqlCall) => call.form.get('doc_id');
const bundleReads = (fb: FakeFacebook) => fb.requests.filter((r) => r.url.includes('/rsrc.php/')).length;

describe('doc_ids read at run time from the page’s bundles', () => {
  it('sends the id the bundle publishes, not the compiled-in one, and reads the bundle once per job', async () => {
    const fb = new FakeFacebook().onPage(BUNDLE_PATH, bundleWith('31000000000000001'), true).onQuery(PHOTO.friendlyName, DETAIL_OK, undefined, true);
    await graphqlQuery(fb, PHOTO, {});
    await graphqlQuery(fb, PHOTO, {});
    expect(fb.graphqlCalls.map(docIdOf)).toEqual(['31000000000000001', '31000000000000001']);
    expect(bundleReads(fb)).toBe(1);
  });

  it('reads the linked bundles in page order until every query is named, and no further', async () => {
    const links = ['/rsrc.php/v4/y1/r/one.js', '/rsrc.php/v4/y2/r/two.js', '/rsrc.php/v4/y3/r/three.js'];
    const home = fixtureText('home-logged-in.html').replace('</body>', `${links.map((path) => `<script src="https://static.xx.fbcdn.net${path}" async="1"></script>`).join('')}</body>`);
    const [photoOnly, rest] = fixtureText('bundle-relay-operations.js.txt').split('__d("CometVideoRootMediaViewerQuery');
    const fb = new FakeFacebook()
      .onPage('/', respond(200, home), true)
      .onPage(BUNDLE_PATH, respond(200, 'function noise(){}'), true)
      .onPage(links[0]!, respond(200, photoOnly!), true)
      .onPage(links[1]!, respond(200, `__d("CometVideoRootMediaViewerQuery${rest!}`.replace('"27028962643386672"', '"31000000000000009"')), true)
      .onQuery(collectionQuery.friendlyName, DETAIL_OK);
    await graphqlQuery(fb, collectionQuery, {});
    expect(fb.requests.filter((r) => r.url.includes('/rsrc.php/')).map((r) => new URL(r.url).pathname)).toEqual([BUNDLE_PATH, links[0], links[1]]);
    expect(fb.graphqlCalls.map(docIdOf)).toEqual(['31000000000000009']);
  });

  it('reads the ids again once they are older than a few hours, as Facebook deploys several times a day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const fb = new FakeFacebook().onPage(BUNDLE_PATH, bundleWith('31000000000000001'), true).onPage(BUNDLE_PATH, bundleWith('31000000000000002'));
      fb.onQuery(PHOTO.friendlyName, DETAIL_OK, undefined, true);
      await graphqlQuery(fb, PHOTO, {});
      vi.setSystemTime(Date.now() + DOC_IDS_MAX_AGE_MS - 60_000);
      await graphqlQuery(fb, PHOTO, {});
      vi.setSystemTime(Date.now() + 120_000);
      await graphqlQuery(fb, PHOTO, {});
      expect(fb.graphqlCalls.map(docIdOf)).toEqual(['31000000000000001', '31000000000000001', '31000000000000002']);
      expect(bundleReads(fb)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back to the compiled-in id for a query no bundle names, or when a bundle does not load', async () => {
    const fb = new FakeFacebook().onPage(BUNDLE_PATH, respond(404, '<html>Not found</html>'), true).onQuery(PHOTO.friendlyName, DETAIL_OK);
    await graphqlQuery(fb, PHOTO, {});
    expect(fb.graphqlCalls.map(docIdOf)).toEqual([PHOTO.docId]);
  });

  it('re-reads the page and its bundles once after “document … not found”, then asks with the new id', async () => {
    const fb = new FakeFacebook()
      .onPage(BUNDLE_PATH, bundleWith('31000000000000001'), true)
      .onPage(BUNDLE_PATH, bundleWith('31000000000000002'))
      .onQuery(PHOTO.friendlyName, NOT_FOUND('31000000000000001'), (call) => docIdOf(call) === '31000000000000001')
      .onQuery(PHOTO.friendlyName, DETAIL_OK, (call) => docIdOf(call) === '31000000000000002');
    const payload = await graphqlQuery(fb, PHOTO, {});
    expect(payload.data).toMatchObject({ currMedia: { id: '1' } });
    expect(fb.graphqlCalls.map(docIdOf)).toEqual(['31000000000000001', '31000000000000002']);
    expect(fb.pageRequests).toHaveLength(2);
    expect(bundleReads(fb)).toBe(2);
  });

  it('is “Facebook changed (query X)” when the re-read id is still unknown', async () => {
    const fb = new FakeFacebook()
      .onPage(BUNDLE_PATH, bundleWith('31000000000000001'), true)
      .onPage(BUNDLE_PATH, bundleWith('31000000000000002'))
      .onQuery(PHOTO.friendlyName, (call) => NOT_FOUND(docIdOf(call)!), undefined, true);
    const error = await rejection(graphqlQuery(fb, PHOTO, {}));
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ kind: 'platform_changed' });
    expect((error as Error).message).toMatch(/^Facebook changed \(query CometPhotoRootContentQuery\): please update .*ID 31000000000000002 was not found/);
    expect(fb.graphqlCalls).toHaveLength(2);
  });

  it('does not ask again when the re-read gives the same id', async () => {
    const collection = COLLECTIONS.uploads;
    const fb = new FakeFacebook().onQuery(collection.friendlyName, NOT_FOUND(collection.docId), undefined, true);
    const error = await rejection(graphqlQuery(fb, collection, {}));
    expect(error).toMatchObject({ kind: 'platform_changed' });
    expect((error as Error).message).toMatch(/^Facebook changed \(query ProfileCometAppCollectionPhotosRendererPaginationQuery\)/);
    expect(fb.graphqlCalls).toHaveLength(1);
    expect(fb.pageRequests).toHaveLength(2);
  });
});
