/** The next page's position, or null at the end: a page that claims more but repeats its own position would loop for ever. */
export function nextPosition(next: string | undefined, current: string | null): string | null {
  return next !== undefined && next !== current ? next : null;
}

/**
 * The REST feed's next_max_id and the GraphQL timeline's end_cursor are both "<pk>_<owner pk>":
 * one strategy can carry on from where the other stopped. Anything else starts over.
 */
export function timelinePosition(previous: { cursor: string }): string | null {
  return /^\d+_\d+$/.test(previous.cursor) ? previous.cursor : null;
}
