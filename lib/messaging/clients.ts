import type { BackgroundProtocol, OffscreenProtocol } from './protocol';
import { messengerTo } from './messenger';

/** The popup's and options page's typed client of the background. */
export const backgroundClient = messengerTo<BackgroundProtocol>('background');

export const offscreenClient = messengerTo<OffscreenProtocol>('offscreen');

/** Mirrors the original spec's API: startExport({ platform, format, includeMedia }) → job id. */
export async function startExport(request: Parameters<BackgroundProtocol['startExport']>[0]): Promise<string> {
  return (await backgroundClient.send('startExport', request)).jobId;
}
