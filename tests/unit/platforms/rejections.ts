import { ExportError } from '../../../lib/errors';

/** The ExportError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return asExportError(error);
}

/** What `fn` throws, of any type; fails the test when it returns. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** The ExportError `fn` throws; fails the test when it returns or throws anything else. */
export function caught(fn: () => unknown): ExportError {
  return asExportError(thrown(fn));
}

function asExportError(error: unknown): ExportError {
  if (!(error instanceof ExportError)) throw new Error(`expected an ExportError, got ${String(error)}`);
  return error;
}
