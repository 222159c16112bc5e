import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import exportSchema from '../../docs/schema/export.schema.json';
import sidecarSchema from '../../docs/schema/sidecar.schema.json';

/**
 * The export format's JSON Schemas (docs/schema/), compiled once, for the unit test that builds a
 * manifest and sidecars and for the e2e check of every JSON file in every exported ZIP.
 */
export type ExportJsonKind = 'export' | 'sidecar';

export const EXPORT_SCHEMAS = { export: exportSchema, sidecar: sidecarSchema } as const;

// allErrors: one run names every field that breaks the contract, not just the first. strictRequired
// would refuse `if/then` naming a property its branch does not redeclare, which is plain 2020-12.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv, ['date-time', 'uri']);

const validators: Record<ExportJsonKind, ValidateFunction> = {
  export: ajv.compile(exportSchema),
  sidecar: ajv.compile(sidecarSchema),
};

const MAIN_JSON = /^[a-z]+-export-[^/]+\.json$/;
const SIDECAR = /^media\/(images|videos)\/[a-z]+\/[^/]+\.meta\.json$/;

/**
 * Which schema a JSON file of an export answers to, from its path relative to the export root;
 * undefined for a JSON file the contract does not describe.
 */
export function schemaKindOf(relativePath: string): ExportJsonKind | undefined {
  if (MAIN_JSON.test(relativePath)) return 'export';
  if (SIDECAR.test(relativePath)) return 'sidecar';
  return undefined;
}

/** `/posts/3/media/0` → `$.posts[3].media[0]`: the JSON path a reader looks for in the file. */
function jsonPath(pointer: string): string {
  const steps = pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((step) => (/^\d+$/.test(step) ? `[${step}]` : /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`));
  return `$${steps.join('')}`;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty !== undefined ? ` (${String(params.additionalProperty)})`
    : params.allowedValues !== undefined ? ` (${(params.allowedValues as unknown[]).map(String).join(', ')})`
    : '';
  return `${jsonPath(error.instancePath)} ${error.message ?? 'is not valid'}${detail}`;
}

/** Every way `value` breaks its schema, each as `file: $.json.path message`; empty when it holds. */
export function schemaProblems(kind: ExportJsonKind, value: unknown, fileName: string): string[] {
  const validate = validators[kind];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${fileName}: ${describe(error)}`);
}
