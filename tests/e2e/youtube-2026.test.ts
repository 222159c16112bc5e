import { describe, expect, it } from 'vitest';
import type { FakePlatforms, FakePlatformsOptions, ServedMedia } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectOnlyPlatformHosts, openExport, type CheckedExport } from './exportChecks';
import { exportFromPopup, useExtensionWithFake, type ExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, waitForZip } from './harness';

// YouTube as issue 13 found it in late 2026, exported from the popup: a brand account with private
// and unlisted uploads, then each trap of the fake YouTube on its own.

const EXPORT_TIMEOUT_MS = 240_000;

interface YouTubePost {
  id: string;
  kind: string;
  publishedAt: string;
  metadata: Record<string, unknown>;
}

/** Exports the session's own channel from the popup; the export must end 'done'. */
async function exportOwnChannel(
  env: ExtensionWithFake,
  handle?: string,
): Promise<{ zipPath: string; exported: CheckedExport; posts: YouTubePost[] }> {
  await addFakeCookies(env.session.context, env.fake.youtubeCookies(handle));
  const { end } = await exportFromPopup(env.session, 'youtube', EXPORT_TIMEOUT_MS);
  expect(end.outcome, end.text).toBe('done');
  const zipPath = await waitForZip(env.session.downloadsDir, 60_000);
  const exported = await openExport(zipPath, 'youtube');
  return { zipPath, exported, posts: exported.manifest.posts as unknown as YouTubePost[] };
}

/**
 * The served files as the export must name them: by the date it gave each video, which is a day
 * (watch page) or the grid's label once the player refused, and none for an undated Short.
 */
function datedAsExported(served: ServedMedia[], posts: YouTubePost[]): ServedMedia[] {
  const byId = new Map(posts.map((post) => [post.id, post]));
  return served.map((file) => {
    const post = byId.get(file.postId);
    return !post || post.metadata.dateSource === 'player' ? file : { ...file, takenAt: Date.parse(post.publishedAt) / 1000 };
  });
}

function playerCalls(fake: FakePlatforms): number {
  return fake.log.filter((entry) => entry.host === 'www.youtube.com' && entry.path.startsWith('/youtubei/v1/player')).length;
}

describe('a creator’s brand account, with private and unlisted uploads', () => {
  // The person has a channel of their own: without X-Goog-PageId the export would take it.
  const env = useExtensionWithFake({
    youtubeChannels: [
      { handle: 'jo.person', videos: 3 },
      { handle: 'jo.brand', videos: 8, shorts: 2, lives: 1, unlistedVideos: 3, privateVideos: 2, brandAccountOf: 'jo.person' },
    ],
  });

  it('exports the brand channel with every upload, each with its visibility, and says which sources it read', async () => {
    const { zipPath, exported, posts } = await exportOwnChannel(env, 'jo.brand');
    const { manifest } = exported;
    expect(manifest.account).toMatchObject({ handle: 'jo.brand' });
    expect(posts.map((post) => post.id)).toEqual(env.fake.youtubeVideoIds('jo.brand', { asOwner: true }));
    const visibility = env.fake.youtubeVisibility('jo.brand');
    for (const post of posts) expect(post.metadata.visibility, post.id).toBe(visibility[post.id]);
    expect(posts.filter((post) => post.metadata.visibility === 'unlisted')).toHaveLength(3);
    expect(posts.filter((post) => post.metadata.visibility === 'private')).toHaveLength(2);
    expect(manifest.sections.map((section) => `${section.name}:${section.status}`)).toEqual(['videos:complete', 'shorts:complete', 'streams:complete', 'uploads:complete']);
    await expectEveryServedFileAccountedFor(zipPath, exported, datedAsExported(env.fake.youtubeMedia('jo.brand', { asOwner: true }), posts));
    expectOnlyPlatformHosts(env.fake);
  });
});

// Each trap alone, on a channel with continuations in Videos and Shorts.
const CHANNEL = { handle: 'star.demo', videos: 40, shorts: 50, lives: 2 };
const TRAPS: [string, FakePlatformsOptions, number | undefined][] = [
  ['continuation tokens wrapped in commandExecutorCommand', { youtubeWrappedContinuations: true }, undefined],
  ['tab links with a query string', { youtubeTabUrlQuery: '?app=desktop' }, undefined],
  ['the player’s “try again later” after 5 answers', { youtubePlayerBudget: 5, youtubePlayerRefusal: 'try-again-later' }, 5],
  ['the player’s captcha after 5 answers', { youtubePlayerBudget: 5, youtubePlayerRefusal: 'captcha' }, 5],
];

describe.each(TRAPS)('YouTube with %s', (_trap, options, playerBudget) => {
  const env = useExtensionWithFake({ youtubeChannels: [CHANNEL], ...options });

  it('exports every video and thumbnail, every section complete', async () => {
    const { zipPath, exported, posts } = await exportOwnChannel(env);
    expect(posts.map((post) => post.id)).toEqual(env.fake.youtubeVideoIds());
    expect(exported.manifest.sections.every((section) => section.status === 'complete')).toBe(true);
    await expectEveryServedFileAccountedFor(zipPath, exported, datedAsExported(env.fake.youtubeMedia(), posts));
    if (playerBudget === undefined) {
      expect(posts.filter((post) => post.metadata.dateApproximate)).toEqual([]);
    } else {
      // One refused call, then no more: the rest dated from the grid, approximate and flagged.
      expect(playerCalls(env.fake)).toBe(playerBudget + 1);
      expect(posts.filter((post) => post.metadata.dateApproximate === true).length).toBeGreaterThanOrEqual(posts.length - playerBudget);
    }
  });
});
