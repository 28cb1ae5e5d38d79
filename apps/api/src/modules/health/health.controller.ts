import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

const healthResponseSchema = z.object({ status: z.literal('ok'), database: z.literal('up') });

@DocumentedTag('Health', 'Whether the API and its database answer.')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Documented({ operationId: 'getHealth', summary: 'Liveness and database check', response: healthResponseSchema })
  @Get()
  @Public()
  async check(): Promise<z.infer<typeof healthResponseSchema>> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', database: 'up' };
  }
}
