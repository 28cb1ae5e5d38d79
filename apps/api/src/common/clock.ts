import { Injectable } from '@nestjs/common';

/** "Now", injectable so tests can travel in time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
