import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { RepeatingTask } from '../../common/repeating-task.js';
import { type AppConfig, AppConfigToken } from '../../config/app-config.provider.js';
import { MessagePlanner } from './message-planner.js';

/**
 * Each instance asks the planner every `MESSAGE_CHECK_INTERVAL_SECONDS` (default 60) what has come due.
 * The planner's unique keys make the instances' passes safe together; one pass at a time per instance.
 */
@Injectable()
export class MessageScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessageScheduler.name);
  private readonly repeating = new RepeatingTask(
    async () => {
      const result = await this.planner.plan(this.clock.now());
      if (Object.values(result).some((n) => n > 0)) this.logger.log({ msg: 'messages planned', ...result });
    },
    (error) => this.logger.error({ msg: 'message planning failed', error: String(error) }),
  );

  constructor(
    private readonly planner: MessagePlanner,
    private readonly clock: Clock,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.repeating.start(this.config.messageCheckIntervalSeconds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.repeating.stop();
  }
}
