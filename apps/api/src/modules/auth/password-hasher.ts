import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults: 19 MiB, 2 passes, 1 lane — OWASP's minimum recommendation.
 * (The library's default algorithm is argon2id; its const enum cannot be imported under isolatedModules.)
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** A valid hash of nothing anyone knows, verified for unknown emails so timing does not reveal accounts. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hash('decoy-password-nobody-has'));
