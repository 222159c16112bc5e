/** A URL-encoded form body; a field without a value is left out rather than sent empty. */
export function formBody(fields: Record<string, string | undefined>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) body.append(name, value);
  return body.toString();
}
