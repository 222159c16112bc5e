import browser, { type Runtime } from 'webextension-polyfill';
import { ExportError, toExportError, type ErrorKind } from '../errors';

type Target = 'background' | 'offscreen';
type Args<F> = F extends (...args: infer A) => unknown ? A : never;
type Params<F> = Args<F>[0];
type Result<F> = F extends (...args: never[]) => infer R ? R : never;

interface Envelope {
  starExport: Target | 'broadcast';
  type: string;
  data: unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: { kind: ErrorKind; message: string } };

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'starExport' in message && 'type' in message;
}

/** Only the extension's own pages may control it; content scripts and web pages carry other URLs. */
export function isOwnExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

export function messengerTo<P extends object>(target: Target) {
  return {
    async send<K extends keyof P & string>(type: K, ...args: Args<P[K]>): Promise<Awaited<Result<P[K]>>> {
      const envelope: Envelope = { starExport: target, type, data: args[0] };
      const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
      if (!reply) throw new ExportError('internal', `No answer from the ${target} to ${type}.`);
      if (!reply.ok) throw new ExportError(reply.error.kind, reply.error.message);
      return reply.value as Awaited<Result<P[K]>>;
    },
  };
}

export type Handlers<P extends object> = {
  [K in keyof P]: (params: Params<P[K]>) => Promise<Awaited<Result<P[K]>>> | Awaited<Result<P[K]>>;
};

/** Answers messages addressed to `target` from the extension's own pages; ignores all else. */
export function handleMessages<P extends object>(target: Target, handlers: Handlers<P>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message) || message.starExport !== target) return undefined;
    if (!isOwnExtensionPage(sender)) {
      return Promise.resolve<Reply>({ ok: false, error: { kind: 'invalid_request', message: 'Not allowed.' } });
    }
    const handler = (handlers as Record<string, ((params: unknown) => unknown) | undefined>)[message.type];
    if (!handler) return undefined;
    return (async (): Promise<Reply> => {
      try {
        return { ok: true, value: await handler(message.data) };
      } catch (error) {
        const failure = toExportError(error);
        return { ok: false, error: { kind: failure.kind, message: failure.message } };
      }
    })();
  });
}

export async function broadcast<P extends object, K extends keyof P & string>(type: K, data: P[K]): Promise<void> {
  const envelope: Envelope = { starExport: 'broadcast', type, data };
  // Nobody listening (popup closed) is the normal case, not an error.
  await browser.runtime.sendMessage(envelope).catch(() => undefined);
}

export function onBroadcast<P extends object, K extends keyof P & string>(type: K, listener: (data: P[K]) => void): () => void {
  const wrapped = (message: unknown): undefined => {
    if (isEnvelope(message) && message.starExport === 'broadcast' && message.type === type) listener(message.data as P[K]);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
