/** A zod issue of a node's params as a coded diagnostic (the code comes from the issue's kind, never its text). */
import type { z } from 'zod';
import type { DiagnosticCode } from './diagnostics';
import { checkFunction } from './functions';
import { getOperator } from './registry';
import type { DesignNode, Diagnostic } from './types';

export function paramIssue(node: DesignNode, issue: z.core.$ZodIssue): Diagnostic {
  const param = issue.path.join('.') || 'params';
  const notFunction = issue.code === 'invalid_type' ? notAFunction(node, issue.path) : null;
  if (notFunction) return { code: 'E_FN_NOT_FUNCTION', severity: 'error', nodeId: node.id, param, message: notFunction };
  return { code: issueCode(node, issue), severity: 'error', nodeId: node.id, param, message: issue.message };
}

/**
 * A function param holding a value that is not its source text (`"mapper": 42` in the file): the
 * same problem, code and message as the source `42` typed in the editor, not the schema's "expected
 * string".
 */
function notAFunction(node: DesignNode, path: readonly PropertyKey[]): string | null {
  if (path.length !== 1) return null;
  const control = getOperator(node.kind)?.paramSpecs.find((s) => s.name === path[0])?.control;
  const value = valueAt(node.params, path);
  if (control?.type !== 'function' || value === undefined) return null;
  const r = checkFunction(JSON.stringify(value) ?? String(value), control.signature);
  return r.ok ? null : r.message;
}

function issueCode(node: DesignNode, issue: z.core.$ZodIssue): DiagnosticCode {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(node.params, issue.path) === undefined ? 'E_PARAM_REQUIRED' : 'E_PARAM_TYPE';
    case 'too_small':
      // A string or list that must not be empty (a topic, a branch name) is a missing value, not a range.
      return (issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) >= 1 ? 'E_PARAM_REQUIRED' : 'E_PARAM_RANGE';
    case 'too_big':
    case 'not_multiple_of':
      return 'E_PARAM_RANGE';
    case 'invalid_value':
      return 'E_PARAM_ENUM';
    default:
      return 'E_PARAM_TYPE';
  }
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}
