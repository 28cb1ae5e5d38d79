import type { ErrorBody, ErrorCode } from '@itb/contracts';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { ITB_CODES } from './fhir-codes.js';

type IssueType = OperationOutcomeIssue['code'];

/** FHIR's issue type for each of our error codes; exhaustive, so a new code cannot go unmapped. */
export function issueTypeOf(code: ErrorCode): IssueType {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 'invalid';
    case 'UNAUTHENTICATED':
      return 'login';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'not-found';
    case 'CONFLICT':
    case 'STALE_VERSION':
      return 'conflict';
    case 'RULE_VIOLATION':
      return 'business-rule';
    case 'RATE_LIMITED':
      return 'throttled';
    case 'PAYLOAD_TOO_LARGE':
      return 'too-long';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'not-supported';
    case 'INTERNAL':
      return 'exception';
    case 'DATABASE_UNAVAILABLE':
      return 'transient';
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Our one error shape as an OperationOutcome: one issue per field at fault (or one for the whole request). */
export function toOperationOutcome(body: ErrorBody): OperationOutcome {
  const details = { coding: [{ system: ITB_CODES.error, code: body.code }], text: body.message };
  const severity = body.code === 'INTERNAL' || body.code === 'DATABASE_UNAVAILABLE' ? 'fatal' : 'error';
  const issues: OperationOutcomeIssue[] = body.details.length
    ? body.details.map((d) => ({
        severity,
        code: issueTypeOf(body.code),
        details,
        diagnostics: `${d.field} ${d.message}`,
        expression: [d.field],
      }))
    : [{ severity, code: issueTypeOf(body.code), details, diagnostics: body.message }];
  return { resourceType: 'OperationOutcome', ...(body.requestId ? { id: body.requestId } : {}), issue: issues };
}
