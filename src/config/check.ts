/**
 * The checks validation is made of: each failure is recorded with the field it names and what is
 * allowed, and the value comes back (or undefined). A simple field is checked with its entry in the
 * field table (`field`); the structural checks (lists, matrices) serve validate-network.ts and
 * validate-data.ts. Keys are compared against fixed lists, so `__proto__`, `constructor` and friends
 * are just unknown.
 */
import { CAPS, FIELDS } from './fields.ts';
import type { Bool, Choice, Int, Num, SimplePath, Fields, ValueOf } from './fields.ts';
import type { ConfigError } from './schema.ts';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A key's value if the object has it itself (never one inherited: `constructor`, `__proto__`). */
export function own(o: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** `"a", "b", "c"` */
export function list(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Shows a rejected key safely: quoted, control characters escaped, cut to 40 characters. */
export function quoteKey(k: string): string {
  return JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k);
}

type SimpleValue<P extends SimplePath> = ValueOf<Fields[P]['check']>;

export class Checker {
  readonly errors: ConfigError[] = [];
  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }
  unknownKeys(o: Json, allowed: readonly string[], where: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) {
        const name = /^[A-Za-z_$][\w$-]{0,39}$/.test(k) ? k : quoteKey(k);
        this.fail(where ? `${where}.${name}` : name, `unknown key ${quoteKey(k)}; allowed: ${list(allowed)}`);
      }
    }
  }
  /**
   * A simple field, checked with its entry in the table. Absent (a choice: or null), it is its
   * default, or `fallback`, or undefined when it has neither (an optional field left out).
   * `max` tightens an int's range (batchSize: the training rows); the message then says what it is.
   */
  field<P extends SimplePath>(
    path: P,
    v: unknown,
    opts: { readonly fallback?: SimpleValue<P>; readonly max?: number | undefined } = {},
  ): SimpleValue<P> | undefined {
    const entry = FIELDS[path];
    const fallback =
      'fallback' in opts
        ? opts.fallback
        : ((entry as { default?: unknown }).default as SimpleValue<P> | undefined);
    if (v === undefined || (v === null && entry.check.type === 'choice' && fallback !== undefined))
      return fallback;
    return this.check(path, v, opts.max);
  }
  /** A value against a simple field's check (present or not). */
  check<P extends SimplePath>(path: P, v: unknown, max?: number): SimpleValue<P> | undefined {
    const check = FIELDS[path].check as Choice | Int | Num | Bool;
    switch (check.type) {
      case 'choice':
        if (!(check.values as readonly unknown[]).includes(v))
          return this.fail(path, `must be one of ${list(check.values)}${check.hint ? ` ${check.hint}` : ''}`);
        break;
      case 'int': {
        const top = max ?? check.max;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < check.min || v > top) {
          const what = max !== undefined && check.maxIs ? ` (${check.maxIs})` : '';
          return this.fail(path, `must be a whole number from ${check.min} to ${top}${what}`);
        }
        break;
      }
      case 'number':
        if (this.num(v, path, check.min, check.max, check.above) === undefined) return undefined;
        break;
      case 'bool':
        if (typeof v !== 'boolean') return this.fail(path, 'must be true or false');
        break;
    }
    return v as SimpleValue<P>;
  }
  int(v: unknown, field: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      return this.fail(field, `must be a whole number from ${min} to ${max}`);
    }
    return v;
  }
  num(v: unknown, field: string, min: number, max: number, minExclusive = false): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v) || v > max || v < min || (minExclusive && v === min)) {
      return this.fail(
        field,
        `must be a number ${minExclusive ? 'greater than' : 'from'} ${min}${minExclusive ? ' and at most' : ' to'} ${max}`,
      );
    }
    return v;
  }
  /** A rows × cols matrix of finite numbers within ±maxAbsValue. */
  matrix(v: unknown, field: string, rows: number, cols: number): number[][] | undefined {
    if (!Array.isArray(v) || v.length !== rows) return this.fail(field, `must be a list of ${rows} rows`);
    const out: number[][] = [];
    for (let r = 0; r < rows; r++) {
      const row = this.vector(v[r], `${field}[${r}]`, cols);
      if (!row) return undefined;
      out.push(row);
    }
    return out;
  }
  vector(v: unknown, field: string, n: number): number[] | undefined {
    if (!Array.isArray(v) || v.length !== n) return this.fail(field, `must be a list of ${n} numbers`);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > CAPS.maxAbsValue) {
        return this.fail(
          `${field}[${i}]`,
          `must be a finite number between −${CAPS.maxAbsValue} and ${CAPS.maxAbsValue}`,
        );
      }
    }
    return v as number[];
  }
}
