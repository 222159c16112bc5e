import type { BrowserContext } from 'playwright-core';
import type { FakePlatforms } from '../../tests/fake-platforms/types';
import { addFakeCookies } from '../../tests/e2e/harness/cookies';

/** One export the demo performs, as a user would: log in, open the account's page, export from the popup. */
export interface DemoRun {
  /** The popup's Platform option value. */
  platform: 'instagram' | 'youtube' | 'facebook';
  account: string;
  pageUrl: string;
  logIn(context: BrowserContext, fake: FakePlatforms): Promise<void>;
}

export const DEMO_RUNS: DemoRun[] = [
  {
    platform: 'instagram',
    account: 'star.demo',
    pageUrl: 'https://www.instagram.com/star.demo/',
    logIn: (context, fake) => addFakeCookies(context, fake.instagramCookies('star.demo')),
  },
  {
    platform: 'facebook',
    account: 'star.demo',
    pageUrl: 'https://www.facebook.com/star.demo',
    logIn: (context, fake) => addFakeCookies(context, fake.facebookCookies('star.demo')),
  },
  {
    platform: 'youtube',
    account: 'star.demo',
    pageUrl: 'https://www.youtube.com/@star.demo',
    logIn: (context, fake) => addFakeCookies(context, fake.youtubeCookies('star.demo')),
  },
];
