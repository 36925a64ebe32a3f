// The Smithy model as the SDK ships it, read through Smithy's NormalizedSchema, to check the emulator's raw answers
// member by member.
import assert from 'node:assert/strict';
import * as ProtonModel from '@aws-sdk/client-proton';
import { NormalizedSchema } from '@smithy/core/schema';
import type { StaticOperationSchema, StaticStructureSchema } from '@smithy/types';

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** How many leading members a structure requires: the last element of the SDK's (public) static structure tuple. */
function requiredCount(schema: NormalizedSchema): number {
  const tuple = schema.getSchema() as unknown as StaticStructureSchema;
  return Array.isArray(tuple) ? (tuple[6] ?? 0) : 0;
}

function checkAgainst(schema: NormalizedSchema, value: unknown, path: string, problems: string[]): void {
  const kind = kindOf(value);
  if (schema.isListSchema()) {
    if (!Array.isArray(value)) problems.push(`${path}: a list expected${schema.getName() ? ` (${schema.getName()})` : ''}, got ${kind}`);
    else value.forEach((item, n) => checkAgainst(schema.getValueSchema(), item, `${path}[${n}]`, problems));
  } else if (schema.isMapSchema()) {
    if (kind !== 'object') problems.push(`${path}: a map expected${schema.getName() ? ` (${schema.getName()})` : ''}, got ${kind}`);
    else for (const [k, v] of Object.entries(value as object)) checkAgainst(schema.getValueSchema(), v, `${path}.${k}`, problems);
  } else if (schema.isStructSchema()) {
    const name = schema.getName() ?? 'structure';
    if (kind !== 'object') {
      problems.push(`${path}: a ${name} structure expected, got ${kind}`);
      return;
    }
    const obj = value as Record<string, unknown>;
    const members = schema.getMemberSchemas();
    for (const key of Object.keys(obj)) if (!(key in members)) problems.push(`${path}.${key}: not a member of ${name}`);
    const required = schema.isUnionSchema() ? 0 : requiredCount(schema);
    Object.keys(members).slice(0, required).forEach((m) => {
      if (obj[m] === undefined || obj[m] === null) problems.push(`${path}.${m}: required by ${name}, missing`);
    });
    if (schema.isUnionSchema() && Object.keys(obj).length !== 1) problems.push(`${path}: the union ${name} must hold exactly one member`);
    for (const [m, member] of Object.entries(members)) {
      if (obj[m] !== undefined && obj[m] !== null) checkAgainst(member, obj[m], `${path}.${m}`, problems);
    }
  } else {
    const expected = schema.isStringSchema() ? 'string' : schema.isBooleanSchema() ? 'boolean' : schema.isDocumentSchema() ? undefined : 'number';
    if (expected && typeof value !== expected) problems.push(`${path}: a ${expected} expected, got ${kind} ${JSON.stringify(value)}`);
    if (schema.isTimestampSchema() && typeof value === 'number' && !(value > 1e9 && value < 1e10)) {
      problems.push(`${path}: a timestamp in epoch seconds expected, got ${value}`);
    }
  }
}

/** What is wrong with an operation's raw JSON answer against the model's output shape (empty when nothing). */
export function modelProblems(operation: string, output: unknown): string[] {
  const op = (ProtonModel as unknown as Record<string, StaticOperationSchema | undefined>)[`${operation}$`];
  assert.ok(Array.isArray(op), `the SDK has the operation schema ${operation}$`);
  const [, , , , , outputSchema] = op;
  const problems: string[] = [];
  checkAgainst(NormalizedSchema.of(outputSchema), output, operation, problems);
  return problems;
}
