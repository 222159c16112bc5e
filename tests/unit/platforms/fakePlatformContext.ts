import type { ApiRequest, ApiResponse, PlatformContext } from '../../../lib/platforms/types';
import { MemoryNotes } from './memoryNotes';

/**
 * An in-memory PlatformContext: it records every request and lets the platform's fake answer it.
 * A request no route answers fails the test, so an adapter cannot quietly ask for more than a
 * test expects.
 */
export abstract class FakePlatformContext implements PlatformContext {
  readonly signal = new AbortController().signal;
  readonly requests: ApiRequest[] = [];
  readonly notes = new MemoryNotes();

  /** The browser's cookies for the platform's site; tests edit them to log out or switch users. */
  constructor(public cookies: Record<string, string>) {}

  protected abstract answer(req: ApiRequest, url: URL): ApiResponse | undefined;

  async request(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req);
    const response = this.answer(req, new URL(req.url));
    if (response) return response;
    throw new Error(`Unexpected request: ${req.method ?? 'GET'} ${req.url} ${req.body ?? ''}`);
  }

  async getCookie(name: string): Promise<string | undefined> {
    return this.cookies[name];
  }
}
