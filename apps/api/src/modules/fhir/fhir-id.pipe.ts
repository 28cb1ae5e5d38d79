import type { PipeTransform } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';

/** A FHIR logical id (`[A-Za-z0-9\-.]{1,64}`); anything else is no resource of ours: 404. */
export class FhirIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9\-.]{1,64}$/.test(value)) throw new AppError('NOT_FOUND', 'Not found');
    return value.toLowerCase();
  }
}
