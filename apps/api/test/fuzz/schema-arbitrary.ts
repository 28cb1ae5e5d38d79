import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document holds it (the subset zod-openapi emits). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** Values that have broken APIs before: NUL bytes, year 0 and 10000, huge and odd numbers, wrong types. */
export const junk = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '0000-01-01',
    '10000-01-01',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-02-30',
    'null',
    '[]',
    '["junk","junk"]',
    '%00',
    "'; DROP TABLE patients; --",
    'x'.repeat(5000),
    '00000000-0000-0000-0000-000000000000',
    'US/Pacific-New',
    '1e309',
  ),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.1 + 0.2, -0, 1e-9),
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const date = fc
  .date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2250-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2250-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/**
 * Values for a schema: mostly ones it accepts (so requests reach the use cases), sometimes junk in
 * any field (so the edges are tried). `ids` are real records of the clinic, to be hit sometimes.
 */
export function arbitraryFor(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  ids: readonly string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const exact = exactFor(schema, components, ids, depth);
  return fc.oneof({ arbitrary: exact, weight: 6 }, { arbitrary: junk, weight: 1 });
}

function exactFor(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  ids: readonly string[],
  depth: number,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return junk;
  if (schema.$ref) return exactFor(components[schema.$ref.split('/').pop() as string], components, ids, depth + 1);
  if (schema.allOf?.length) return exactFor(Object.assign({}, ...schema.allOf) as JsonSchema, components, ids, depth);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((o) => exactFor(o, components, ids, depth + 1)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => exactFor({ ...schema, type: t }, components, ids, depth)));
  switch (types[0] ?? 'unknown') {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberFor(schema, types[0] === 'integer');
    case 'string':
      return stringFor(schema, ids);
    case 'array': {
      const items = arbitraryFor(schema.items, components, ids, depth + 1);
      return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties))
        shape[key] = arbitraryFor(value, components, ids, depth + 1);
      const record = fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
      // Now and then a required field goes missing or an unknown one comes along.
      return fc.oneof(
        { arbitrary: record, weight: 8 },
        {
          arbitrary: fc
            .tuple(record, fc.constantFrom(...Object.keys(properties), 'unknownField'))
            .map(([value, key]) => {
              const copy = { ...(value as Record<string, unknown>) };
              if (key in copy) delete copy[key];
              else copy[key] = 'surprise';
              return copy;
            }),
          weight: Object.keys(properties).length ? 1 : 0,
        },
      );
    }
    default:
      return junk;
  }
}

function numberFor(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : 1e6);
  const step = schema.multipleOf;
  if (isInteger) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (step) {
    const lo = Math.ceil(min / step);
    const hi = Math.floor(max / step);
    return fc.integer({ min: lo, max: hi }).map((n) => Number((n * step).toFixed(6)));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function stringFor(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  if (schema.format === 'date') return date;
  if (schema.format === 'date-time') return instant;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) });
}
