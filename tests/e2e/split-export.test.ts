import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PART_RESERVE_BYTES } from '../../lib/export/parts/partPlan';
import { expectSha256SumsVerify, openExport, type ExportManifest } from './exportChecks';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, existingZips, hashZipEntry, PopupPage, stopExtensionWorker } from './harness';
import { useQuickPacing } from './quickPacing';

const EXPORT_TIMEOUT_MS = 180_000;
/** How long the fake holds a late file: time enough to see part 1 land meanwhile, on a loaded machine. */
const HOLD_MS = 20_000;

type PartManifest = ExportManifest & {
  part: { number: number; last: boolean; of?: number; names: string[]; total: { posts: number; savedFiles: number } };
};

describe('a split export from the popup', () => {
  const env = useExtensionWithFake();

  it('hands each part over while later media download, survives a worker stop mid-part, and every part opens alone', async () => {
    await addFakeCookies(env.session.context, env.fake.instagramCookies());
    const served = env.fake.instagramMedia();
    const servedBytes = served.reduce((sum, file) => sum + file.bytes, 0);
    // About a third of the files' bytes a part: the demo account in three parts or more.
    const partBytes = PART_RESERVE_BYTES + Math.ceil(servedBytes / 3);
    // The stall watchdog must not give up on the held file: the hold is the fake's, not a stall.
    await useQuickPacing(env.session, { partBytes, stallTimeoutMs: 4 * HOLD_MS });
    // A file of a late post (three quarters into the media) is held before its headers.
    env.fake.addFault({ match: 'media', after: Math.floor(served.length * 0.75), fault: { type: 'delay', ms: HOLD_MS } });

    const popup = await PopupPage.open(env.session.context, env.session.extensionId);
    await popup.choosePlatform('instagram');
    await popup.chooseFormat('html');
    await popup.setIncludeMedia(true);
    // The split size is one of the export options, behind the closed "Options" disclosure.
    await popup.page.getByText('Options', { exact: true }).click();
    await popup.page.getByLabel('Split into parts').selectOption('2');
    await popup.start();

    // Part 1 reaches the downloads folder while the held file has not arrived; the service worker
    // is then stopped, with a later part half written, and the job carries on by itself.
    const dir = env.session.downloadsDir;
    const deadline = Date.now() + EXPORT_TIMEOUT_MS;
    let firstPart: string | undefined;
    while (!firstPart && Date.now() < deadline) {
      firstPart = (await existingZips(dir)).find((path) => path.endsWith('_part-01.zip'));
      if (!firstPart) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(firstPart, 'part 1 was downloaded').toBeDefined();
    const heldArrived = env.fake.log.some((entry) => entry.kind === 'media' && entry.faulted);
    const statusThen = await popup.statusText();
    expect(heldArrived, `the held file had not arrived when part 1 landed (${statusThen})`).toBe(false);
    expect(statusThen).not.toMatch(/\bDone\b/);
    await stopExtensionWorker(env.session.context, env.session.extensionId);

    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');
    expect(env.fake.log.some((entry) => entry.kind === 'media' && entry.faulted), 'the hold fired').toBe(true);
    const names = (await readdir(dir)).filter((name) => name.endsWith('.zip')).sort();
    expect(names.length, names.join(', ')).toBeGreaterThanOrEqual(3);
    names.forEach((name, i) => expect(name).toMatch(new RegExp(`^star-export_instagram_star\\.demo_\\d{4}-\\d{2}-\\d{2}_\\d{8}-[0-9a-f]{6}_part-${String(i + 1).padStart(2, '0')}\\.zip$`)));
    expect(end.text).toContain(`${names.length} ZIPs`);

    const partOf = new Map<string, number>();
    const postsSeen = new Set<string>();
    for (const [index, name] of names.entries()) {
      const zipPath = join(dir, name);
      // openExport runs unzip -t and checks the single root folder and the main JSON.
      const { manifest, root, entries } = await openExport(zipPath, 'instagram');
      expectSha256SumsVerify(zipPath, root);
      const { part } = manifest as PartManifest;
      const last = index === names.length - 1;
      // Each part names the parts up to itself; only the last knows them all and the whole export's counts.
      expect(part).toMatchObject({ number: index + 1, last, names: names.slice(0, index + 1) });
      expect(part.of).toBe(last ? names.length : undefined);
      if (last) expect(part.total).toMatchObject({ savedFiles: new Set(served.map((s) => s.mediaId)).size });
      const size = (await stat(zipPath)).size;
      const posts = manifest.posts;
      const onePostAlone = posts.length === 1;
      if (!onePostAlone) expect(size, `${name} stays within the part size`).toBeLessThanOrEqual(partBytes);
      expect(entries.some((e) => e.name === `${root}/index.html`), `${name} has its own index.html`).toBe(true);
      for (const post of posts) {
        expect(postsSeen.has(post.id), `post ${post.id} is in one part only`).toBe(false);
        postsSeen.add(post.id);
        for (const media of post.media) {
          const path = media.path;
          if (!path) continue;
          const key = `${post.id}/${media.id}`;
          expect(partOf.has(key), `${key} is in one part only`).toBe(false);
          partOf.set(key, index);
          // A post's files and their sidecars are in the part that lists the post.
          expect(entries.some((e) => e.name === `${root}/${path}`), `${path} in ${name}`).toBe(true);
          expect(entries.some((e) => e.name.endsWith(`/${media.id}.${path.split('.').pop()}.meta.json`)), `${media.id} sidecar in ${name}`).toBe(true);
          const file = served.find((s) => s.postId === post.id && s.mediaId === media.id)!;
          expect(await hashZipEntry(zipPath, `${root}/${path}`)).toBe(file.sha256);
        }
      }
    }
    for (const file of served) expect(partOf.has(`${file.postId}/${file.mediaId}`), `${file.mediaId} of ${file.postId} is in a part`).toBe(true);
    for (const id of env.fake.instagramPostIds()) expect(postsSeen.has(id), `post ${id}`).toBe(true);
  });
});
