import { rmSync } from 'node:fs';
import { startFakePlatforms } from '../../tests/fake-platforms/index';
import type { FakePlatforms, FakePlatformsOptions } from '../../tests/fake-platforms/types';
import { launchWithExtension, type ExtensionSession } from '../../tests/e2e/harness';
import { chromiumPidsFor, killPids } from '../../tests/e2e/harness/processGuard';
import { onAbort } from './cleanup';

/** One fake-platforms server and one Chromium with the built extension, torn down together. */
export interface BenchRig {
  fake: FakePlatforms;
  session: ExtensionSession;
}

/** A rig `withRig` made, which knows when its fake started. */
export interface ClockedRig extends BenchRig {
  /** Date.now() when the fake started: its log's `at` counts from here. */
  fakeStartedAt: number;
}

let extensionPath: string | undefined;

/** Every rig after this call loads the extension from `path` (see extensionBuild.ts). */
export function useExtensionBuild(path: string): void {
  extensionPath = path;
}

/** The build `useExtensionBuild` named, for a figure that launches its own copy of it. */
export function extensionBuildPath(): string | undefined {
  return extensionPath;
}

export async function withRig<T>(fakeOptions: FakePlatformsOptions, use: (rig: ClockedRig) => Promise<T>): Promise<T> {
  // startFakePlatforms reads its clock before its first await, so this is its start to the millisecond.
  const fakeStartedAt = Date.now();
  const fake = await startFakePlatforms({ port: 0, ...fakeOptions });
  let session: ExtensionSession | undefined;
  let forget: () => void = () => undefined;
  try {
    session = await launchWithExtension({ fake, extensionPath });
    const { userDataDir, downloadsDir } = session;
    forget = onAbort(() => {
      killPids(chromiumPidsFor(userDataDir));
      for (const dir of [userDataDir, downloadsDir]) rmSync(dir, { recursive: true, force: true });
    });
    return await use({ fake, session, fakeStartedAt });
  } finally {
    forget();
    try {
      await session?.close();
    } finally {
      await fake.close();
    }
  }
}

/** The user-facing pacing setting (lib/export/exportSettings.ts), set as the options page would. */
export async function setApiPacing(session: ExtensionSession, minDelayMs: number, maxDelayMs: number): Promise<void> {
  const settings = { apiDelayMinMs: minDelayMs, apiDelayMaxMs: maxDelayMs, rateLimitWaitMs: 60_000, maxRateLimitWaits: 5 };
  await session.serviceWorker.evaluate(`chrome.storage.local.set({ exportSettings: ${JSON.stringify(settings)} })`);
}
