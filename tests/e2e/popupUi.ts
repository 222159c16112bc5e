import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

const POLL_MS = 200;

/** Polls until `read` gives a value `accept` takes; no fixed sleeps, whatever the machine's load. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
}

/** The id Chrome gave the tab showing `url`, read in the extension's own worker. */
export async function tabIdOf(session: ExtensionSession, url: string): Promise<number> {
  const id = (await session.serviceWorker.evaluate(
    `chrome.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(url)})?.id)`,
  )) as number | undefined;
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/** The popup page opened as a tab, optionally told which tab it is for. */
export async function openPopupTab(session: ExtensionSession, query = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html${query}`);
  await page.getByRole('button', { name: 'Start Export' }).waitFor();
  return page;
}

export async function openHistoryPage(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Past exports' }).waitFor();
  return page;
}

/** Unzips an export with Info-ZIP, as a user would, into a fresh temporary folder. */
export async function unzipToTemp(zipPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'star-export-unzipped-'));
  const run = spawnSync('unzip', ['-q', zipPath, '-d', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`unzip failed: ${run.stderr}`);
  return dir;
}
