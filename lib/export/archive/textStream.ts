/** Text pieces are gathered up to about this many characters before they are encoded and handed on. */
const DEFAULT_CHUNK_CHARS = 64 * 1024;

/**
 * UTF-8 bytes of text produced piece by piece (one post at a time), read only as fast as the
 * consumer takes them, so a file describing 50 000 posts is never one string. Pieces are joined,
 * never cut, so a surrogate pair inside a piece stays whole for the encoder.
 */
export async function* textChunks(pieces: AsyncIterable<string>, chunkChars = DEFAULT_CHUNK_CHARS): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  let gathered: string[] = [];
  let chars = 0;
  for await (const piece of pieces) {
    gathered.push(piece);
    chars += piece.length;
    if (chars >= chunkChars) {
      yield encoder.encode(gathered.join(''));
      gathered = [];
      chars = 0;
    }
  }
  if (gathered.length > 0) yield encoder.encode(gathered.join(''));
}
