import { asObject, type JsonObject } from './jsonReaders';

/**
 * The text form of an adapter's listing position, which the job stores between pages and hands
 * back. Stored text may come from an older version or be damaged, so decoding checks every field
 * and refuses what the adapter did not write rather than resume from a wrong place.
 */
export interface OpaqueCursorCodec<T> {
  encode(cursor: T): string;
  /** null (no page listed yet) gives the first position. */
  decode(text: string | null): T;
}

export interface CursorShape<T> {
  first: () => T;
  /** True when every field is one this adapter writes. */
  isCursor: (cursor: JsonObject) => boolean;
  /** The error for text that is not a cursor of this adapter (its message names the platform). */
  unreadable: () => Error;
}

export function opaqueCursorCodec<T>({ first, isCursor, unreadable }: CursorShape<T>): OpaqueCursorCodec<T> {
  return {
    encode: (cursor) => JSON.stringify(cursor),
    decode: (text) => {
      if (text === null) return first();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw unreadable();
      }
      const object = asObject(value);
      if (object && isCursor(object)) return object as T;
      throw unreadable();
    },
  };
}

/** Field checks for `isCursor`: JSON leaves out an absent optional field, and flags are stored only when true. */
export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

export function isOptionalTrue(value: unknown): value is true | undefined {
  return value === undefined || value === true;
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
