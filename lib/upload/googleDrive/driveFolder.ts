import { driveRequest, type DriveClient } from './driveRequest';

const FILES_API = 'https://www.googleapis.com/drive/v3/files';
const FOLDER_TYPE = 'application/vnd.google-apps.folder';

/** A string literal in a Drive search query: quotes and backslashes escaped. */
function queryLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The export's folder at the top of the user's Drive: the one Star Export made before (each part
 * of a split export, a retried create whose answer was lost), else a new one. With the drive.file
 * scope the search sees only folders this app created.
 */
export async function driveFolderId(client: DriveClient, name: string): Promise<string> {
  const search = new URL(FILES_API);
  search.search = new URLSearchParams({
    q: `name = ${queryLiteral(name)} and mimeType = '${FOLDER_TYPE}' and 'root' in parents and trashed = false`,
    fields: 'files(id)',
    spaces: 'drive',
    pageSize: '1',
  }).toString();
  const found = (await (await driveRequest(client, search.href, { method: 'GET' })).json()) as { files?: { id: string }[] };
  const existing = found.files?.[0]?.id;
  if (existing) return existing;
  const created = await driveRequest(client, `${FILES_API}?fields=id`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ name, mimeType: FOLDER_TYPE, parents: ['root'] }),
  });
  return ((await created.json()) as { id: string }).id;
}
