import { describe, expect, it } from 'vitest';
import { hrefName, parseMultistatus } from '../../../lib/upload/webdav/davResponses';

describe('parseMultistatus', () => {
  it('reads hrefs and sizes whatever prefix the server gives the DAV: namespace', () => {
    const apache = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:"><D:response xmlns:lp1="DAV:"><D:href>/exports/a%20b.zip</D:href>
<D:propstat><D:prop><lp1:getcontentlength>1234</lp1:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response><D:href>/exports/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop></D:propstat></D:response></D:multistatus>`;
    expect(parseMultistatus(apache)).toEqual([{ href: '/exports/a b.zip', size: 1234 }, { href: '/exports/' }]);
    const bare = '<multistatus xmlns="DAV:"><response><href>/x/00001</href><propstat><prop><getcontentlength>5</getcontentlength></prop></propstat></response></multistatus>';
    expect(parseMultistatus(bare)).toEqual([{ href: '/x/00001', size: 5 }]);
  });

  it('names the last segment of an href', () => {
    expect(hrefName('/remote.php/dav/uploads/alice/t/00002')).toBe('00002');
    expect(hrefName('/remote.php/dav/uploads/alice/t/')).toBe('t');
  });
});
