import { describe, expect, it } from 'vitest';
import { expectEveryServedFileAccountedFor, expectOnlyPlatformHosts, openExport } from './exportChecks';
import { exportFromPopup, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, PopupPage, waitForZip } from './harness';
import { startFromExtensionPage } from './startFromExtensionPage';

const EXPORT_TIMEOUT_MS = 240_000;

describe('Instagram export against Instagram as it answers many sessions since Aug 2026', () => {
  // REST feed, clips and media info answer 302 to /, reels_media 500; the doc_ids rotate mid-export.
  const env = useExtensionWithFake({ instagramEra: 'late2026', instagramDocIdRotateAfter: 3 });

  it('exports every post, reel, story and highlight through the web app’s GraphQL, every file byte-identical', async () => {
    await addFakeCookies(env.session.context, env.fake.instagramCookies());
    const { end } = await exportFromPopup(env.session, 'instagram', EXPORT_TIMEOUT_MS);
    const trail = env.fake.log.filter((e) => e.kind === 'api').map((e) => `${e.method} ${e.host}${e.path.slice(0, 90)} ${e.status}`);
    expect(end.outcome, `${end.text}\n${trail.join('\n')}`).toBe('done');
    expect(end.text).not.toMatch(/log in|restricted/i);

    const zipPath = await waitForZip(env.session.downloadsDir, 60_000);
    const exported = await openExport(zipPath, 'instagram');
    const { manifest } = exported;
    expect(manifest.failed).toEqual([]);
    const postIds = new Set(manifest.posts.map((p) => p.id));
    for (const id of env.fake.instagramPostIds()) expect(postIds.has(id), `post ${id}`).toBe(true);
    await expectEveryServedFileAccountedFor(zipPath, exported, env.fake.instagramMedia());
    expect((manifest as unknown as { sections: { name: string; status: string }[] }).sections.map((s) => `${s.name}:${s.status}`)).toEqual([
      'posts:complete',
      'reels:complete',
      'stories:complete',
      'highlights:complete',
    ]);
    expectOnlyPlatformHosts(env.fake);
  });

  it('resolves an account named as a profile page names it, without web_profile_info’s false "restricted"', async () => {
    await addFakeCookies(env.session.context, env.fake.instagramCookies());
    const zipsBefore = await existingZips(env.session.downloadsDir);
    const popup = await PopupPage.open(env.session.context, env.session.extensionId);
    await popup.startBy(() => startFromExtensionPage(popup.page, { platform: 'instagram', account: 'star.demo', format: 'json', includeMedia: true }));
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');
    expect(end.text).not.toMatch(/log in|restricted/i);
    const { manifest } = await openExport(await waitForZip(env.session.downloadsDir, 60_000, zipsBefore), 'instagram');
    expect(manifest.account.handle).toBe('star.demo');
    expect(manifest.failed).toEqual([]);
  });
});
