import type { BrowserContext, Page } from 'playwright-core';
import { sendToBackground } from './backgroundMessages';

export type FinalOutcome = 'done' | 'error';

// "Done: 60 posts, …, 2 failed." is a success, so "Done" is checked before the error words;
// a job that ends badly reads "Export failed: …" or "Export cancelled.".
const DONE = /\bDone\b/;
const ERROR = /fail|error|cancel/i;

/** The popup, opened in a tab as the extension's own page, driven by its accessible names only. */
export class PopupPage {
  private textBeforeStart?: string;
  private jobsBeforeStart = new Set<string>();

  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const popup = new PopupPage(page);
    await popup.startButton.waitFor({ state: 'visible' });
    return popup;
  }

  get startButton() {
    return this.page.getByRole('button', { name: 'Start Export' });
  }

  get status() {
    return this.page.getByRole('status');
  }

  /** By option value ('instagram') or visible label ('Instagram'). */
  async choosePlatform(platform: string): Promise<void> {
    await this.page.getByLabel('Platform').selectOption(platform);
  }

  async chooseFormat(format: string): Promise<void> {
    await this.page.getByLabel('Export format').selectOption(format);
  }

  async setIncludeMedia(include: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'Include media files (images and videos)' }).setChecked(include);
  }

  /** One region per job the popup lists ("Export <jobId>"). */
  get jobs() {
    return this.page.getByRole('region', { name: /^Export / });
  }

  async start(): Promise<void> {
    await this.startBy(() => this.startButton.click());
  }

  /** Starts a job some other way (e.g. the typed protocol), still watched by waitForFinalStage. */
  async startBy(trigger: () => Promise<unknown>): Promise<void> {
    this.textBeforeStart = await this.statusText();
    this.jobsBeforeStart = new Set(await this.knownJobIds());
    await trigger();
  }

  /**
   * Waits until the list shows the job start() began. Until then the status still speaks of the
   * newest earlier job, whose "Done" a loop reading the status would take for this job's end.
   */
  async waitForNewJob(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.showsNewJob())) {
      if (Date.now() > deadline) throw new Error(`No new job appeared within ${timeoutMs} ms; the popup says "${await this.statusText()}"`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Reads the status every 100 ms until the job is done, failed or cancelled (or time runs out),
   * handing each reading to `each`, so a test can act at a moment of the job (stop the worker while
   * an upload is under way). Call after waitForNewJob(). Returns the last status and every distinct
   * one seen, for the test's messages.
   */
  async followJob(timeoutMs: number, each: (text: string) => Promise<void> | void): Promise<{ text: string; seen: string[] }> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.statusText();
      if (seen.at(-1) !== text) seen.push(text);
      if (/\bDone\b|fail|cancel/i.test(text)) break;
      await each(text);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { text, seen };
  }

  /** Asked of the background, not read from the list, which may not have loaded yet. */
  private async knownJobIds(): Promise<string[]> {
    return (await sendToBackground<{ id: string }[]>(this.page, 'listJobs')).map((job) => job.id);
  }

  /** Whether the list shows a job that did not exist when this page started one. */
  private async showsNewJob(): Promise<boolean> {
    const names = await this.jobs.evaluateAll((regions) => regions.map((region) => region.getAttribute('aria-label') ?? ''));
    return names.some((name) => !this.jobsBeforeStart.has(/^Export (\S+):/.exec(name)?.[1] ?? ''));
  }

  /**
   * The status shows no job's line. Reading the status again afterwards rules out a job that moved
   * on between the two reads: progress lines never repeat, so an unchanged status means the check
   * saw the same render.
   */
  private async isRefusal(text: string): Promise<boolean> {
    const shownByAJob = (await this.jobs.getByText(text, { exact: true }).count()) > 0;
    return !shownByAJob && (await this.statusText()) === text;
  }

  async statusText(): Promise<string> {
    return ((await this.status.textContent()) ?? '').trim();
  }

  /**
   * Polls the live region until the job ends. Text left over from an earlier job in the same popup
   * does not count, so this is safe to call after a second start().
   */
  async waitForFinalStage(timeoutMs: number, onChange?: (text: string) => void): Promise<{ outcome: FinalOutcome; text: string }> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      // A new job in the list means the status now speaks of it, even in words an earlier job's end
      // used; the status is read after the list so that both come from the same or a later render.
      const newJob = await this.showsNewJob();
      const text = await this.statusText();
      if (text !== last) {
        last = text;
        onChange?.(text);
      }
      if (newJob || text !== this.textBeforeStart) {
        // The live region shows either the newest job's line or the popup's own error when the
        // background refused to start a job ("Unknown platform.", "… not supported yet.").
        if (await this.isRefusal(text)) return { outcome: 'error', text };
        if (DONE.test(text)) return { outcome: 'done', text };
        if (ERROR.test(text)) return { outcome: 'error', text };
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`The export did not finish within ${timeoutMs} ms; the popup last said: "${last}"`);
  }
}
