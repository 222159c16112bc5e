export { sendToBackground } from './backgroundMessages';
export { addFakeCookies } from './cookies';
export { existingZips, waitForZip } from './downloads';
export { CHROMIUM_INSTALL_HINT, findChromium, locateChromium } from './findChromium';
export { extensionWorker, launchWithExtension, type ExtensionSession, type LaunchOptions } from './launchExtension';
export { stopExtensionWorker } from './serviceWorkerControl';
export { PopupPage, type FinalOutcome } from './popupPage';
export {
  hashZipEntry,
  listZip,
  readZipEntry,
  readZipJson,
  readZipJsonEntries,
  sha256sumCheck,
  unzipTest,
  type UnzipTestResult,
  type ZipEntryInfo,
} from './zipCheck';
