import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENT_KEY = 'itb:idempotent';

/** This write honours an `Idempotency-Key` header: the same key twice creates one record and answers the same body. */
export const Idempotent = () => SetMetadata(IDEMPOTENT_KEY, true);
