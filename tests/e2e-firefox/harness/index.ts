export { ExtensionPages } from './extensionPages';
export { findFirefox } from './findFirefox';
export { ADDON_ID, launchFirefoxWithExtension, type FirefoxSession } from './launchFirefox';
