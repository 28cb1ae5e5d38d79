import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type CompleteStaffTaskRequest,
  completeStaffTaskRequestSchema,
  type StaffTaskResponse,
  staffTaskResponseSchema,
} from '@itb/contracts';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { Allow, CLINICAL_ROLES, CurrentUser } from '../../common/access.decorators.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { AuditService } from '../audit/audit.service.js';

interface TaskRow {
  id: string;
  kind: 'call_overdue_unbooked';
  patient_id: string;
  mrn: string;
  patient_name: string;
  phone: string | null;
  pump_id: string;
  details: string;
  created_at: Date;
}

/** The most open tasks a clinic's list shows; the planner opens one per overdue spell, so few are open. */
const OPEN_TASKS_LIMIT = 200;

/**
 * Calls for the nurses (issue 13): the message planner opens one when a pump is past its alarm with no
 * refill booked, and a clinician marks it done with what came of the call.
 */
@DocumentedTag('Tasks', 'Calls the reminder planner asks the clinic to make.')
@Controller('tasks')
export class StaffTasksController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Documented({
    operationId: 'listOpenTasks',
    summary: 'Open tasks, oldest first',
    response: z.array(staffTaskResponseSchema),
  })
  @Get()
  @Allow(...CLINICAL_ROLES)
  async list(@CurrentUser() user: SessionUser): Promise<StaffTaskResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.kind, t.patient_id, p.mrn, p.given_name || ' ' || p.family_name AS patient_name, p.phone,
              t.pump_id, t.details, t.created_at
         FROM staff_tasks t JOIN patients p ON p.id = t.patient_id
        WHERE t.clinic_id = $1 AND t.done_at IS NULL
        ORDER BY t.created_at, t.id LIMIT ${OPEN_TASKS_LIMIT}`,
      [user.clinicId],
    )) as TaskRow[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      patient: { id: r.patient_id, mrn: r.mrn, name: r.patient_name, phone: r.phone },
      pumpId: r.pump_id,
      details: r.details,
      createdAt: r.created_at.toISOString(),
    }));
  }

  @Documented({
    operationId: 'completeTask',
    summary: 'Marks a task done, with what came of it',
    description: '409 when it was done already.',
    response: null,
    errors: ['CONFLICT'],
  })
  @Post(':id/done')
  @HttpCode(204)
  @Allow(...CLINICAL_ROLES)
  async complete(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(completeStaffTaskRequestSchema)) body: CompleteStaffTaskRequest,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [task] = (await m.query(
        `SELECT patient_id, done_at FROM staff_tasks WHERE id = $1 AND clinic_id = $2 FOR UPDATE`,
        [id, user.clinicId],
      )) as { patient_id: string; done_at: Date | null }[];
      if (!task) throw AppError.notFound('Task');
      if (task.done_at) throw new AppError('CONFLICT', 'This task is done already');
      await m.query(`UPDATE staff_tasks SET done_at = $2, done_by = $3, done_note = $4 WHERE id = $1`, [
        id,
        this.clock.now(),
        user.id,
        body.note ?? null,
      ]);
      await this.audit.record(m, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: 'task.done',
        entityType: 'task',
        entityId: id,
        patientId: task.patient_id,
        after: { done: true },
        reason: body.note ?? null,
      });
    });
  }
}
