import type { YtTab } from './model';

/** Where a continuation token points: a channel tab or the uploads playlist, and how far into it. */
export interface Position {
  channelId: string;
  list: YtTab | 'uploads';
  offset: number;
}

const TOKEN_PREFIX = '4qmFsgL';
const LISTS = ['videos', 'shorts', 'streams', 'uploads'];

export function encodeToken(position: Position): string {
  return `${TOKEN_PREFIX}${Buffer.from(JSON.stringify([position.channelId, position.list, position.offset])).toString('base64url')}`;
}

export function decodeToken(token: string): Position | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  try {
    const [channelId, list, offset] = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8')) as unknown[];
    if (typeof channelId !== 'string' || !LISTS.includes(String(list)) || !Number.isInteger(offset)) return undefined;
    return { channelId, list: list as Position['list'], offset: offset as number };
  } catch {
    return undefined;
  }
}
