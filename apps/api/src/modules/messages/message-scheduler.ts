import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { type AppConfig, AppConfigToken } from '../../config/app-config.provider.js';
import { MessagePlanner } from './message-planner.js';

/**
 * Each instance asks the planner every `MESSAGE_CHECK_INTERVAL_SECONDS` (default 60) what has come due.
 * The planner's unique keys make the instances' passes safe together; one pass at a time per instance.
 */
@Injectable()
export class MessageScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessageScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly planner: MessagePlanner,
    private readonly clock: Clock,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.messageCheckIntervalSeconds;
    if (seconds === 0) return;
    const check = () => {
      this.running ??= this.planner
        .plan(this.clock.now())
        .then((result) => {
          if (Object.values(result).some((n) => n > 0)) this.logger.log({ msg: 'messages planned', ...result });
        })
        .catch((error: unknown) => this.logger.error({ msg: 'message planning failed', error: String(error) }))
        .finally(() => (this.running = undefined));
    };
    check();
    this.timer = setInterval(check, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
