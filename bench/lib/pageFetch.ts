import type { BenchRig } from './benchRig';
import { mediaEntries } from './requestLog';
import type { RequestLogEntry } from '../../tests/fake-platforms/types';

/**
 * Fetches `urls` from an extension page, `concurrency` at a time, reading every body and keeping
 * none: the fake's downloads with no job, storage or ZIP in the way. Returns the fake's log of them.
 */
export async function fetchFromExtensionPage(rig: BenchRig, urls: string[], concurrency = 1): Promise<RequestLogEntry[]> {
  const before = rig.fake.log.length;
  const page = await rig.session.context.newPage();
  try {
    await page.goto(`chrome-extension://${rig.session.extensionId}/popup.html`);
    await page.evaluate(
      async ({ list, slots }) => {
        let next = 0;
        // Inline, not a named const: tsx would wrap a named function in a helper the page lacks.
        await Promise.all(
          Array.from({ length: slots }, async () => {
            while (next < list.length) {
              const reader = (await fetch(list[next++]!)).body!.getReader();
              while (!(await reader.read()).done);
            }
          }),
        );
      },
      { list: urls, slots: concurrency },
    );
  } finally {
    await page.close();
  }
  return mediaEntries(rig.fake.log.slice(before));
}
