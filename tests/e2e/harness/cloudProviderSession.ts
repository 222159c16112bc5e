import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startFakePlatforms } from '../../fake-platforms/index';
import type { FakeInstagramAccountSpec, FakePlatforms } from '../../fake-platforms/types';
import { useQuickPacing } from '../quickPacing';
import { addFakeCookies } from './cookies';
import { extensionCopyWithHosts } from './extensionCopy';
import { launchWithExtension, type ExtensionSession } from './launchExtension';
import { makeTempDir, removeDir } from './profile';

export interface CloudProviderSession {
  readonly fake: FakePlatforms;
  readonly session: ExtensionSession;
  /** A folder for the files a test takes out of the provider. */
  readonly scratch: string;
  close(): Promise<void>;
}

export interface CloudProviderSessionOptions {
  /** The provider's fake, already listening: its hosts are resolved to it before the platforms'. */
  provider: { resolverRules: string; spkiHash: string };
  /** The WXT build mode of this test's own copy of the extension (`.output/chrome-mv3-<mode>`). */
  buildMode: string;
  /** Build-time settings, such as the provider's client id: they are inlined, hence the own build. */
  buildEnv: Record<string, string>;
  /** The optional origins Connect asks for, granted in the copy's manifest. */
  origins: string[];
  instagramAccount: FakeInstagramAccountSpec;
}

/**
 * Chromium with a build of the extension that knows a cloud provider, the provider's fake and the
 * fake platforms under their real host names, quick pacing and an Instagram login.
 */
export async function startCloudProviderSession(options: CloudProviderSessionOptions): Promise<CloudProviderSession> {
  await promisify(execFile)('npx', ['wxt', 'build', '-m', options.buildMode, '--level', 'warn'], { env: { ...process.env, ...options.buildEnv } });
  // What the user's grant of the optional origins on Connect gives (headless Chromium cannot click the prompt).
  const extensionPath = await extensionCopyWithHosts(options.origins, `.output/chrome-mv3-${options.buildMode}`);
  let fake: FakePlatforms | undefined;
  let session: ExtensionSession | undefined;
  const close = async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
      await removeDir(extensionPath);
    }
  };
  try {
    fake = await startFakePlatforms({ port: 0, instagramAccounts: [options.instagramAccount] });
    const { provider } = options;
    session = await launchWithExtension({
      fake: { hostResolverRules: `${provider.resolverRules}, ${fake.hostResolverRules}`, spkiHash: `${fake.spkiHash},${provider.spkiHash}` },
      extensionPath,
    });
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
    const scratch = await makeTempDir(`${options.buildMode}-scratch`);
    return {
      fake,
      session,
      scratch,
      close: async () => {
        await close();
        await removeDir(scratch);
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
