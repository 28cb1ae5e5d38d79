import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

const livenessSchema = z.object({ status: z.literal('ok') });
/** 200 `{ok, up}`, or 503 `{unavailable, down}` while PostgreSQL cannot be reached. */
const readinessSchema = z.union([
  z.object({ status: z.literal('ok'), database: z.literal('up') }),
  z.object({ status: z.literal('unavailable'), database: z.literal('down') }),
]);
type Readiness = z.infer<typeof readinessSchema>;

/**
 * Liveness (`/api/health/live`: the process answers) apart from readiness (`/api/health`, also
 * `/api/health/ready`: the database answers too). A supervisor restarts on liveness only; a load
 * balancer routes on readiness, so a database outage never restarts a healthy API.
 */
@DocumentedTag('Health', 'Whether the API and its database answer.')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Documented({ operationId: 'getLiveness', summary: 'Liveness: the process answers', response: livenessSchema })
  @Get('live')
  @Public()
  live(): z.infer<typeof livenessSchema> {
    return { status: 'ok' };
  }

  @Documented({
    operationId: 'getHealth',
    summary: 'Readiness: the API and its database answer (503 with database down otherwise)',
    response: readinessSchema,
  })
  @Get()
  @Public()
  check(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    return this.readiness(res);
  }

  @Documented({
    operationId: 'getReadiness',
    summary: 'Readiness, as GET /health (for load balancers that want the word)',
    response: readinessSchema,
  })
  @Get('ready')
  @Public()
  ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    return this.readiness(res);
  }

  private async readiness(res: Response): Promise<Readiness> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      res.setHeader('Retry-After', '5');
      return { status: 'unavailable', database: 'down' };
    }
  }
}
