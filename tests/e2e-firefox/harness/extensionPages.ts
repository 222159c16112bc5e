import type { MarionetteClient } from './marionette';

// Runs in Firefox's chrome scope (Marionette): opens the extension's page in a tab, with the
// system principal, since no web page may navigate to moz-extension://.
const OPEN_PAGE = `
  const [url, done] = arguments;
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = win.gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
  const deadline = Date.now() + 30000;
  const poll = () => {
    const page = tab.linkedBrowser.contentWindow;
    if (page && page.location.href === url && page.document.readyState === 'complete') done(true);
    else if (Date.now() > deadline) done(false);
    else setTimeout(poll, 100);
  };
  poll();
`;

// Evaluates \`code\` as the extension page itself (a sandbox with its principal and globals, no
// X-rays), so \`browser.runtime.sendMessage\` is the page's own, and returns the result as JSON.
const IN_PAGE = `
  const [url, code, done] = arguments;
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = win.gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
  if (!tab) { done(JSON.stringify({ harnessError: 'the extension page is not open' })); return; }
  const page = tab.linkedBrowser.contentWindow;
  const sandbox = Cu.Sandbox(page, { sandboxPrototype: page, wantXrays: false });
  Promise.resolve(Cu.evalInSandbox(code, sandbox)).then(
    (value) => done(JSON.stringify({ value })),
    (error) => done(JSON.stringify({ harnessError: String(error) })),
  );
`;

// Stops the extension's background page as Firefox does when it is idle (about:debugging's
// "Terminate background script"), even while a listener is pending: a stop that waits for idle
// might never come during an export. Gives back the state after, which must be 'stopped'; the
// next event, e.g. a message, starts the page again.
// A click as the user makes it (trusted, with user activation), in the middle of the element: what
// permissions.request needs to show its prompt.
const CLICK_AS_USER = `
  const [url, selector, done] = arguments;
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = win.gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
  const page = tab && tab.linkedBrowser.contentWindow;
  const element = page && page.document.querySelector(selector);
  if (!element) { done('no ' + selector + ' on ' + url); return; }
  win.gBrowser.selectedTab = tab;
  // A click lands only on what is in view: a section low on the page is scrolled to first.
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  page.windowUtils.sendMouseEvent('mousedown', x, y, 0, 1, 0);
  page.windowUtils.sendMouseEvent('mouseup', x, y, 0, 1, 0);
  done(true);
`;

const TERMINATE_BACKGROUND = `
  const [id, done] = arguments;
  const extension = WebExtensionPolicy.getByID(id).extension;
  extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true })
    .then(() => done(extension.backgroundState), (e) => done(String(e)));
`;

/**
 * The extension's History & settings page, open in a tab, as the place a test talks to the
 * background from: WebDriver BiDi does not reach moz-extension:// pages (TESTING.md), so the
 * harness runs the page's own code from the chrome scope. Exports start through the same typed
 * message the popup sends (lib/messaging/protocol.ts); nothing test-only ships in the build.
 */
export class ExtensionPages {
  private constructor(
    private readonly marionette: MarionetteClient,
    private readonly addonId: string,
    private readonly origin: string,
  ) {}

  static async open(marionette: MarionetteClient, addonId: string, origin: string): Promise<ExtensionPages> {
    const pages = new ExtensionPages(marionette, addonId, origin);
    await pages.openPage('options.html');
    return pages;
  }

  /** Opens another of the extension's pages in a tab of its own, e.g. 'popup.html'. */
  async openPage(path: string): Promise<void> {
    const url = `${this.origin}/${path}`;
    const opened = await this.marionette.send<{ value: boolean }>('WebDriver:ExecuteAsyncScript', { script: OPEN_PAGE, args: [url] });
    if (!opened.value) throw new Error(`${url} did not load`);
  }

  /** Runs `code` as the extension page at `path` (an open one; the History page by default). */
  async evaluate<T>(code: string, path = 'options.html'): Promise<T> {
    const { value } = await this.marionette.send<{ value: string }>('WebDriver:ExecuteAsyncScript', { script: IN_PAGE, args: [`${this.origin}/${path}`, code] });
    const result = JSON.parse(value) as { value?: T; harnessError?: string };
    if (result.harnessError) throw new Error(result.harnessError);
    return result.value as T;
  }

  /** One message of the typed protocol to the background, as the popup sends it; the reply's value. */
  async sendToBackground<T>(type: string, data?: unknown): Promise<T> {
    const message = JSON.stringify({ starExport: 'background', type, data });
    const reply = await this.evaluate<{ ok: boolean; value: T; error?: { message: string } } | undefined>(`browser.runtime.sendMessage(${message})`);
    if (!reply?.ok) throw new Error(`${type} refused: ${reply?.error?.message ?? 'no answer'}`);
    return reply.value;
  }

  async clickAsUser(path: string, selector: string): Promise<void> {
    const result = await this.marionette.send<{ value: true | string }>('WebDriver:ExecuteAsyncScript', { script: CLICK_AS_USER, args: [`${this.origin}/${path}`, selector] });
    if (result.value !== true) throw new Error(String(result.value));
  }

  async terminateBackground(): Promise<void> {
    const result = await this.marionette.send<{ value: string }>('WebDriver:ExecuteAsyncScript', { script: TERMINATE_BACKGROUND, args: [this.addonId] });
    if (result.value !== 'stopped') throw new Error(`the background page is ${result.value} after terminating it`);
  }
}
