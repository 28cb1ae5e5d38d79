import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens for machine clients of the read-only FHIR API (issue 13, part 3). A token belongs
 * to one clinic and may only read `/api/fhir/R4`; the table keeps the SHA-256 of the secret (a 256-bit
 * random value, so a plain hash is enough: nothing to brute-force), never the secret, plus its first
 * characters so an administrator can tell tokens apart. Revocation is a timestamp, never a delete: the
 * audit log keeps naming the token.
 */
export class ApiTokens1764720000000 implements MigrationInterface {
  name = 'ApiTokens1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinics(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        token_prefix text NOT NULL CHECK (length(token_prefix) BETWEEN 1 AND 20),
        scope text NOT NULL DEFAULT 'fhir.read' CHECK (scope IN ('fhir.read')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        CONSTRAINT api_tokens_revoked_pair CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (token_hash)`);
    await q.query(`CREATE INDEX api_tokens_clinic_idx ON api_tokens (clinic_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_tokens`);
  }
}
