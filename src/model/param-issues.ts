/** A zod issue of a node's params as a coded diagnostic (the code comes from the issue's kind, never its text). */
import type { z } from 'zod';
import type { DiagnosticCode } from './diagnostics';
import type { DesignNode, Diagnostic } from './types';

export function paramIssue(node: DesignNode, issue: z.core.$ZodIssue): Diagnostic {
  const param = issue.path.join('.') || 'params';
  return { code: issueCode(node, issue), severity: 'error', nodeId: node.id, param, message: issue.message };
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
