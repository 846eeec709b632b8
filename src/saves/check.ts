// Shape checks for save documents: the few zod rules the saves used, written out so that reading
// and writing a save does not load zod (half a megabyte of code). Same results as zod 4: the same
// issues in the same order, the same messages, and the same output (object keys in the rules'
// order, unknown keys dropped). tests/saves/validate-zod.test.ts holds the two side by side.

export interface Issue {
  code: 'invalid_type' | 'invalid_value' | 'too_small' | 'too_big' | 'invalid_format';
  path: (string | number)[];
  message: string;
  expected?: string;
  origin?: string;
  maximum?: number;
}

/** Checks `v` at `path`, adds issues, and returns the output value (undefined on failure). */
export type Check<T = unknown> = ((v: unknown, path: (string | number)[], issues: Issue[]) => T) & {
  /** Set when a missing key is fine (zod's optional-in). */
  optional?: true;
};

export function run<T>(check: Check<T>, v: unknown): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const value = check(v, [], issues);
  return issues.length ? { ok: false, issues } : { ok: true, value };
}

const received = (v: unknown): string => {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  return typeof v;
};

const typeIssue = (expected: string, v: unknown, path: (string | number)[]): Issue => ({
  code: 'invalid_type', expected, path: [...path], message: `Invalid input: expected ${expected}, received ${received(v)}`,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's isPlainObject: what z.record accepts. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prot = (ctor as { prototype?: unknown }).prototype;
  if (!isObject(prot)) return false;
  return Object.prototype.hasOwnProperty.call(prot, 'isPrototypeOf');
}

function codePointLength(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * zod's .min()/.max() on strings and arrays. Like zod they run on anything with a `length`, even
 * after the type check failed, and a string counts code points near the limit.
 */
function lengthChecks(v: unknown, path: (string | number)[], issues: Issue[], o: { min?: number; max?: number }): void {
  if (v === null || v === undefined) return;
  const units = (v as { length?: unknown }).length as number;
  if (units === undefined) return;
  const origin = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown';
  const unit = origin === 'array' ? 'items' : 'characters';
  if (o.min !== undefined) {
    const length = typeof v === 'string' && units >= o.min && units < o.min * 2 ? codePointLength(v) : units;
    if (!(length >= o.min)) {
      issues.push({
        code: 'too_small', origin, path: [...path],
        message: origin === 'unknown' ? `Too small: expected unknown to be >=${o.min}` : `Too small: expected ${origin} to have >=${o.min} ${unit}`,
      });
    }
  }
  if (o.max !== undefined) {
    const length = typeof v === 'string' && units > o.max ? codePointLength(v) : units;
    if (!(length <= o.max)) {
      issues.push({
        code: 'too_big', origin, maximum: o.max, path: [...path],
        message: origin === 'unknown' ? `Too big: expected unknown to be <=${o.max}` : `Too big: expected ${origin} to have <=${o.max} ${unit}`,
      });
    }
  }
}

export function str(o: { min?: number; max?: number } = {}): Check<string> {
  return (v, path, issues) => {
    if (typeof v !== 'string') issues.push(typeIssue('string', v, path));
    lengthChecks(v, path, issues, o);
    return typeof v === 'string' ? v : (undefined as never);
  };
}

const finiteNumber = (v: unknown, path: (string | number)[], issues: Issue[]): v is number => {
  if (typeof v === 'number' && Number.isFinite(v)) return true;
  issues.push(typeIssue('number', v, path));
  return false;
};

export function num(): Check<number> {
  return (v, path, issues) => (finiteNumber(v, path, issues) ? v : (undefined as never));
}

/** z.number().int(), optionally .nonnegative(). */
export function int(o: { nonnegative?: boolean } = {}): Check<number> {
  return (v, path, issues) => {
    if (!finiteNumber(v, path, issues)) return undefined as never;
    if (!Number.isInteger(v)) {
      // zod stops at this one: the checks after it do not run.
      issues.push({ code: 'invalid_type', expected: 'int', path: [...path], message: 'Invalid input: expected int, received number' });
      return v;
    }
    if (v > Number.MAX_SAFE_INTEGER) {
      issues.push({ code: 'too_big', origin: 'int', maximum: Number.MAX_SAFE_INTEGER, path: [...path], message: `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` });
    } else if (v < Number.MIN_SAFE_INTEGER) {
      issues.push({ code: 'too_small', origin: 'int', path: [...path], message: `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}` });
    }
    if (o.nonnegative && v < 0) issues.push({ code: 'too_small', origin: 'number', path: [...path], message: 'Too small: expected number to be >=0' });
    return v;
  };
}

export function bool(): Check<boolean> {
  return (v, path, issues) => {
    if (typeof v === 'boolean') return v;
    issues.push(typeIssue('boolean', v, path));
    return undefined as never;
  };
}

export function enm<const T extends string>(values: readonly T[]): Check<T> {
  const message = values.length === 1 ? `Invalid input: expected ${JSON.stringify(values[0])}` : `Invalid option: expected one of ${values.map((x) => JSON.stringify(x)).join('|')}`;
  return (v, path, issues) => {
    if ((values as readonly unknown[]).includes(v)) return v as T;
    issues.push({ code: 'invalid_value', path: [...path], message });
    return undefined as never;
  };
}

export function unknown(): Check<unknown> {
  return (v) => v;
}

export function nullable<T>(inner: Check<T>): Check<T | null> {
  const c: Check<T | null> = (v, path, issues) => (v === null ? null : inner(v, path, issues));
  if (inner.optional) c.optional = true;
  return c;
}

export function optional<T>(inner: Check<T>): Check<T | undefined> {
  const c: Check<T | undefined> = (v, path, issues) => (v === undefined ? undefined : inner(v, path, issues));
  c.optional = true;
  return c;
}

/** z.array(element), with zod's .max() (only used with elements that cannot fail). */
export function arr<T>(element: Check<T>, o: { max?: number } = {}): Check<T[]> {
  return (v, path, issues) => {
    if (!Array.isArray(v)) {
      issues.push(typeIssue('array', v, path));
      lengthChecks(v, path, issues, o);
      return undefined as never;
    }
    const out = new Array<T>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = element(v[i], [...path, i], issues);
    lengthChecks(v, path, issues, o);
    return out;
  };
}

/** z.record(z.string(), value). */
export function rec<T>(value: Check<T>): Check<Record<string, T>> {
  return (v, path, issues) => {
    if (!isPlainObject(v)) {
      issues.push(typeIssue('record', v, path));
      return undefined as never;
    }
    const out: Record<string, T> = {};
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key !== 'string' || key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
      out[key] = value(v[key], [...path, key], issues);
    }
    return out;
  };
}

/** z.object(shape): keys outside the shape are dropped; the output keeps the shape's order. */
export function obj<S extends Record<string, Check<unknown>>>(shape: S): Check<{ [K in keyof S]: S[K] extends Check<infer T> ? T : never }> {
  const keys = Object.keys(shape);
  return (v, path, issues) => {
    if (!isObject(v)) {
      issues.push(typeIssue('object', v, path));
      return undefined as never;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const check = shape[key]!;
      const present = key in v;
      if (!present && check.optional) continue;
      const before = issues.length;
      const r = check(v[key], [...path, key], issues);
      if (!present) {
        if (issues.length === before) issues.push({ ...typeIssue('nonoptional', undefined, [...path, key]) });
        continue;
      }
      out[key] = r;
    }
    return out as never;
  };
}

// zod 4.6's pattern for z.iso.datetime({ offset: true }).
const ISO_DATETIME_OFFSET =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

export function isoDateTimeWithOffset(): Check<string> {
  return (v, path, issues) => {
    if (typeof v !== 'string') {
      issues.push(typeIssue('string', v, path));
      return undefined as never;
    }
    if (!ISO_DATETIME_OFFSET.test(v)) issues.push({ code: 'invalid_format', path: [...path], message: 'Invalid ISO datetime' });
    return v;
  };
}
