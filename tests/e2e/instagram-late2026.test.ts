import { describe, expect, it } from 'vitest';
import type { FakePlatformsOptions } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, openExport } from './exportChecks';
import { useExtensionWithFake, type ExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, readZipEntry, waitForZip } from './harness';

const EXPORT_TIMEOUT_MS = 240_000;
const PROFILE_URL = 'https://www.instagram.com/star.demo/';
/** What a user must never be told while the session is fine. */
const FALSE_ALARMS = /log in|restricted|confirm it.s you/i;

/** Opens the profile, exports it from the popup in `format` with media, and returns the ZIP and every status the popup showed. */
async function exportProfile(env: ExtensionWithFake, format = 'json') {
  const { session, fake } = env;
  await addFakeCookies(session.context, fake.instagramCookies());
  const profile = await session.context.newPage();
  await profile.goto(PROFILE_URL, { waitUntil: 'domcontentloaded' });
  const before = await existingZips(session.downloadsDir);
  const popup = await PopupPage.open(session.context, session.extensionId);
  await expect.poll(() => popup.page.locator('.account').textContent()).toContain('Exports @star.demo');
  await popup.chooseFormat(format);
  await popup.setIncludeMedia(true);
  await popup.start();
  const seen: string[] = [];
  const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS, (text) => seen.push(text));
  expect(end.outcome, end.text).toBe('done');
  const zipPath = await waitForZip(session.downloadsDir, 60_000, before);
  const card = (await popup.page.locator('.job').first().textContent()) ?? '';
  await popup.page.close();
  await profile.close();
  return { zipPath, exported: await openExport(zipPath, 'instagram'), seen, card };
}

function describeLate2026(title: string, options: FakePlatformsOptions, body: (env: ExtensionWithFake) => void) {
  describe(title, () => body(useExtensionWithFake({ instagramEra: 'late2026', ...options })));
}

describeLate2026('Instagram as it is in late 2026, exported from the profile page', {}, (env) => {
  it('reads every section through the web app when the REST endpoints are retired: every file byte-identical', async () => {
    const { zipPath, exported, seen } = await exportProfile(env);
    const { manifest } = exported;
    expect(manifest.failed).toEqual([]);
    const postIds = new Set(manifest.posts.map((p) => p.id));
    // The feed, then the reel only the reels tab lists.
    for (const id of env.fake.instagramPostIds()) expect(postIds.has(id), `post ${id}`).toBe(true);
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.instagramMedia());
    expect(manifest.posts.some((p) => p.kind === 'story')).toBe(true);
    expect(manifest.posts.some((p) => p.kind === 'highlight')).toBe(true);
    expect(manifest.sections.map((s) => `${s.name}:${s.status}`)).toEqual(['posts:complete', 'reels:complete', 'stories:complete', 'highlights:complete']);
    expect(seen.filter((text) => FALSE_ALARMS.test(text))).toEqual([]);
    expectNeverMoreThanThreeInFlight(env.fake);
    expectOnlyPlatformHosts(env.fake);
    // Retired for this session: asked once at most, never again for every page.
    const asked = (path: string) => env.fake.log.filter((entry) => entry.path.startsWith(path)).length;
    expect(asked('/api/v1/feed/user/')).toBeLessThanOrEqual(1);
    expect(asked('/api/v1/clips/user/')).toBeLessThanOrEqual(1);
  });
});

describeLate2026('Instagram whose doc_ids rotate during the export', { instagramDocIdRotateAfter: 3 }, (env) => {
  it('reads the new doc_ids from the page and finishes complete', async () => {
    const { zipPath, exported, seen } = await exportProfile(env);
    expect(exported.manifest.failed).toEqual([]);
    expect(exported.manifest.sections.every((s) => s.status === 'complete')).toBe(true);
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.instagramMedia());
    expect(seen.filter((text) => FALSE_ALARMS.test(text))).toEqual([]);
  });
});

describeLate2026('Instagram whose stories no strategy can read', {}, (env) => {
  it('delivers everything else, and says in the JSON, the HTML page and the popup that stories could not be read', async () => {
    env.fake.addFault({
      match: { graphql: 'PolarisStoriesV3ReelPageStandaloneQuery', variablesInclude: '"is_highlight":false' },
      times: Infinity,
      fault: { type: 'status', status: 500 },
    });
    const { zipPath, exported, card } = await exportProfile(env, 'html');
    const { manifest, root } = exported;
    expect(manifest.sections.map((s) => `${s.name}:${s.status}`)).toEqual(['posts:complete', 'reels:complete', 'stories:unavailable', 'highlights:complete']);
    expect(manifest.posts.some((p) => p.kind === 'story')).toBe(false);
    expect(manifest.posts.some((p) => p.kind === 'highlight')).toBe(true);
    // Every file of what was listed is in the ZIP, byte-identical; only the current stories' are missing.
    const listed = new Set(manifest.posts.flatMap((p) => p.media.map((m) => m.id)));
    const served = env.fake.instagramMedia();
    await expectEveryServedFileAccountedFor(zipPath, exported, served.filter((m) => listed.has(m.mediaId)));
    expect(served.filter((m) => !listed.has(m.mediaId)).length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(await readZipEntry(zipPath, `${root}/index.html`))).toContain('Stories could not be read');
    expect(card).toContain('Stories could not be read');
  });
});
