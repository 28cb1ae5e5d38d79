import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access.decorators.js';

type Readiness = { status: 'ok'; database: 'up' } | { status: 'unavailable'; database: 'down' };

/**
 * Liveness (`/api/health/live`: the process answers) apart from readiness (`/api/health`, also
 * `/api/health/ready`: the database answers too). A supervisor restarts on liveness only; a load
 * balancer routes on readiness, so a database outage never restarts a healthy API.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get()
  @Public()
  check(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    return this.readiness(res);
  }

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
