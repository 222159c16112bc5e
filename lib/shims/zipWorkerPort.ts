/**
 * Shared by the background, the offscreen document and the ZIP worker; imports nothing, so the
 * worker's bundle stays free of the extension APIs it does not have.
 */

/** The built worker script (entrypoints/zip-worker.ts). */
export const ZIP_WORKER_PATH = '/zip-worker.js';
/** A message carrying the port a ZIP worker serves: to the offscreen document, and from it to the worker. */
export const ZIP_WORKER_PORT = 'starExportZipWorkerPort';
