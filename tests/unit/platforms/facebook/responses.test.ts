import { describe, expect, it } from 'vitest';
import { ExportError, type ErrorKind } from '../../../../lib/errors';
import { readGraphql, StaleTokenError, UnknownDocumentError } from '../../../../lib/platforms/facebook/responses';
import { recordedResponse, type RecordedAnswer } from '../fakeResponses';
import { thrown } from '../rejections';
import { fixtureText } from './fakeFacebook';

interface ErrorRow extends RecordedAnswer {
  expect: { kind?: ErrorKind; stale?: boolean; unknownDocument?: boolean; temporaryBlock?: boolean; retryAfterMs?: number; status?: number; message?: string };
}

const rows = JSON.parse(fixtureText('error-responses.json')) as ErrorRow[];

describe('readGraphql error classification (docs/platforms.md, "Facebook: errors")', () => {
  it.each(rows.map((row) => [row.case, row] as const))('%s', (_name, row) => {
    const error = thrown(() => readGraphql(recordedResponse(row), 'CometPhotoRootContentQuery'));
    if (row.expect.stale) {
      expect(error).toBeInstanceOf(StaleTokenError);
      return;
    }
    if (row.expect.unknownDocument) {
      // Left to the GraphQL client, which reads the page's doc_ids again before giving up.
      expect(error).toBeInstanceOf(UnknownDocumentError);
      return;
    }
    expect(error).toBeInstanceOf(ExportError);
    const failure = error as ExportError;
    expect(failure.kind).toBe(row.expect.kind);
    if (row.expect.temporaryBlock !== undefined) expect(Boolean(failure.details.temporaryBlock)).toBe(row.expect.temporaryBlock);
    if (row.expect.retryAfterMs !== undefined) expect(failure.details.retryAfterMs).toBe(row.expect.retryAfterMs);
    if (row.expect.status !== undefined) expect(failure.details.status).toBe(row.expect.status);
    if (row.expect.message) expect(failure.message.toLowerCase()).toContain(row.expect.message);
  });

  it('says what to do when logged out', () => {
    const row = rows.find((r) => r.case.startsWith('ajax 1357001'))!;
    expect((thrown(() => readGraphql(recordedResponse(row), 'q')) as Error).message).toBe('Log in to Facebook in this browser, then try again.');
  });

  it('leaves a rate limit without Retry-After to the user’s wait setting', () => {
    const row = rows.find((r) => r.case.startsWith('errors[] 1675004'))!;
    expect((thrown(() => readGraphql(recordedResponse(row), 'q')) as ExportError).details.retryAfterMs).toBeUndefined();
  });

  it('returns the merged payload of a good answer, errors of unknown kinds included', () => {
    const response = recordedResponse({ case: '', status: 200, body: '{"data":{"node":{"x":1}},"errors":[{"message":"field_exception","severity":"WARNING"}]}' });
    const payload = readGraphql(response, 'q');
    expect(payload.data).toEqual({ node: { x: 1 } });
    expect(payload.errors).toHaveLength(1);
  });
});
