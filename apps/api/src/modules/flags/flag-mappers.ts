import type { FlagResponse } from '@itb/contracts';
import { signKindOf } from '@itb/domain';

/** A flag with the names a work list shows: patient, MRN, high-risk marker, and who acted. */
export const FLAG_SELECT = `
  SELECT f.id, f.patient_id, f.pump_id, f.code, f.severity, f.status, f.raised_at, f.details, f.version,
         pt.given_name, pt.family_name, pt.mrn, cardinality(pt.risk_factors) > 0 AS is_high_risk,
         f.raised_by, rb.name AS raised_by_name,
         f.acknowledged_by, ab.name AS acknowledged_by_name, f.acknowledged_at, f.acknowledged_note,
         f.resolved_by, xb.name AS resolved_by_name, f.resolved_at, f.resolved_note, f.resolution
  FROM flags f
  JOIN patients pt ON pt.id = f.patient_id
  LEFT JOIN users rb ON rb.id = f.raised_by
  LEFT JOIN users ab ON ab.id = f.acknowledged_by
  LEFT JOIN users xb ON xb.id = f.resolved_by`;

export interface FlagRow {
  id: string;
  patient_id: string;
  pump_id: string | null;
  code: FlagResponse['code'];
  severity: FlagResponse['severity'];
  status: FlagResponse['status'];
  raised_at: Date;
  details: FlagResponse['details'];
  version: number;
  given_name: string;
  family_name: string;
  mrn: string;
  is_high_risk: boolean;
  raised_by: string | null;
  raised_by_name: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
  acknowledged_note: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  resolved_note: string | null;
  resolution: 'auto' | 'manual' | null;
}

export function toFlagResponse(r: FlagRow): FlagResponse {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.family_name}, ${r.given_name}`,
    mrn: r.mrn,
    isHighRisk: r.is_high_risk,
    pumpId: r.pump_id,
    code: r.code,
    severity: r.severity,
    status: r.status,
    raisedAt: r.raised_at.toISOString(),
    raisedBy: r.raised_by ? { id: r.raised_by, name: r.raised_by_name ?? '' } : null,
    // Manual flags recorded before overdose reports existed are withdrawal reports.
    details: r.code === 'manual' ? { ...r.details, kind: signKindOf(r.details) } : r.details,
    acknowledged: r.acknowledged_at
      ? {
          byId: r.acknowledged_by,
          byName: r.acknowledged_by_name,
          at: r.acknowledged_at.toISOString(),
          note: r.acknowledged_note,
        }
      : null,
    resolved:
      r.resolved_at && r.resolution
        ? {
            byId: r.resolved_by,
            byName: r.resolved_by_name,
            at: r.resolved_at.toISOString(),
            note: r.resolved_note,
            resolution: r.resolution,
          }
        : null,
    version: r.version,
  };
}
