/**
 * Validation of what a config trains on: rows (`data`, with optional column names) or a named data
 * set (`dataset`: a generated set with its options, or one of the notes' tables), whose shape must
 * match the network's inputs and outputs; and the row counts the rest of the config is held to.
 */
import { GENERATED_NAMES } from '../core/model/datasets.ts';
import { isObject, list, own, quoteKey } from './check.ts';
import type { Checker, Json } from './check.ts';
import { CAPS, fieldNames, TABLE_NAMES } from './fields.ts';
import type { DataRows, DatasetSpec, TableName } from './schema.ts';
import { tableRows } from './tables.ts';

/** What is wrong with a column name, or null: 1 to 40 characters, no control characters. */
export function columnNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '' || name.length > CAPS.maxColumnName)
    return `must be a name of 1 to ${CAPS.maxColumnName} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'must not contain control characters';
  return null;
}

/** The number of test rows of a generated set of n points with a test fraction. */
export function testRowCount(n: number, fraction: number): number {
  return Math.round(n * fraction);
}

const isTable = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);

function checkDataset(c: Checker, v: unknown, seed: number): DatasetSpec | undefined {
  if (!isObject(v))
    return c.fail(
      'dataset',
      `must be an object with a "name": one of ${list([...GENERATED_NAMES, ...TABLE_NAMES])}`,
    );
  const name = c.check('dataset.name', own(v, 'name'));
  if (name === undefined) return undefined;
  if (isTable(name)) {
    c.unknownKeys(v, ['name'], 'dataset');
    return { name };
  }
  c.unknownKeys(v, fieldNames('dataset'), 'dataset');
  const n = c.field('dataset.n', own(v, 'n'));
  const noise = c.field('dataset.noise', own(v, 'noise'));
  const dseed = c.field('dataset.seed', own(v, 'seed'), { fallback: seed });
  const targets = c.field('dataset.targets', own(v, 'targets'));
  const test = c.field('dataset.test', own(v, 'test'));
  if (
    n === undefined ||
    noise === undefined ||
    dseed === undefined ||
    targets === undefined ||
    test === undefined ||
    c.errors.length
  )
    return undefined;
  return { name, n, noise, seed: dseed, targets, test };
}

function checkData(c: Checker, v: unknown, nIn: number, nOut: number): DataRows | undefined {
  if (!isObject(v)) return c.fail('data', 'must be an object with "inputs" and "targets"');
  c.unknownKeys(v, fieldNames('data'), 'data');
  const inputs = own(v, 'inputs');
  const targets = own(v, 'targets');
  if (!Array.isArray(inputs) || inputs.length < 1 || inputs.length > CAPS.maxRows) {
    return c.fail('data.inputs', `must be a list of 1 to ${CAPS.maxRows} rows of ${nIn} numbers`);
  }
  if (!Array.isArray(targets) || targets.length !== inputs.length) {
    return c.fail(
      'data.targets',
      `must be a list of ${inputs.length} rows (one per input row) of ${nOut} numbers`,
    );
  }
  const X = c.matrix(inputs, 'data.inputs', inputs.length, nIn);
  const T = X && c.matrix(targets, 'data.targets', targets.length, nOut);
  const columns = own(v, 'columns');
  if (columns === undefined) return X && T ? { inputs: X, targets: T } : undefined;
  if (!Array.isArray(columns) || columns.length !== nIn + nOut) {
    return c.fail(
      'data.columns',
      `must be a list of ${nIn + nOut} names (${nIn} inputs, then ${nOut} targets)`,
    );
  }
  for (let k = 0; k < columns.length; k++) {
    const problem = columnNameProblem(columns[k]);
    if (problem) return c.fail(`data.columns[${k}]`, problem);
    if (columns.indexOf(columns[k]) !== k)
      return c.fail(`data.columns[${k}]`, `repeats the name ${quoteKey(columns[k] as string)}`);
  }
  return X && T ? { inputs: X, targets: T, columns: columns as string[] } : undefined;
}

function datasetShape(d: DatasetSpec): { nIn: number; nOut: number } {
  if ('n' in d) return { nIn: 2, nOut: d.targets === 'one-hot' ? 2 : 1 };
  const t = tableRows(d.name);
  return { nIn: t.inputs[0]!.length, nOut: t.targets[0]!.length };
}

/** Rows (`data`) or a named data set (`dataset`), exactly one, of the network's shape. */
export function checkDataPart(
  c: Checker,
  config: Json,
  layers: readonly number[],
  seed: number,
): { readonly data?: DataRows; readonly dataset?: DatasetSpec } {
  const depth = layers.length - 1;
  const nIn = layers[0]!;
  const nOut = layers[depth]!;
  const data = own(config, 'data');
  const dataset = own(config, 'dataset');
  if (data !== undefined && dataset !== undefined) {
    c.fail('dataset', 'cannot be given together with "data"; remove one of them');
  } else if (data !== undefined) {
    const rows = checkData(c, data, nIn, nOut);
    return rows ? { data: rows } : {};
  } else if (dataset !== undefined) {
    const spec = checkDataset(c, dataset, seed);
    if (!spec) return {};
    const s = datasetShape(spec);
    if (s.nIn !== nIn)
      c.fail('layers[0]', `must be ${s.nIn}: the data set "${spec.name}" has ${s.nIn} inputs`);
    if (s.nOut !== nOut)
      c.fail(`layers[${depth}]`, `must be ${s.nOut}: the data set "${spec.name}" has ${s.nOut} targets`);
    return { dataset: spec };
  } else {
    c.fail(
      'data',
      'is required: give "data" ({"inputs": [[…]], "targets": [[…]]}) or "dataset" ({"name": …})',
    );
  }
  return {};
}

/** Training rows of the data a config describes (generated sets need the core to generate them). */
export function rowCount(data: DataRows | undefined, dataset: DatasetSpec | undefined): number {
  if (data) return data.inputs.length;
  if (!dataset) return 0;
  return 'n' in dataset
    ? dataset.n - testRowCount(dataset.n, dataset.test)
    : tableRows(dataset.name).inputs.length;
}
