import type { MeResponse } from '@itb/contracts';
import { Button, Grid } from '@mantine/core';
import { IconCalendarWeek } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { can, useCurrentUser } from '../../lib/auth';
import { formatLocalDateWithWeekday } from '../../lib/clinic-time';
import { timeZoneAbbreviation, todayIn } from '../../lib/format';
import { paths } from '../paths';
import { NotAllowed } from './not-allowed';
import { TodayArrivalsSection } from './today-arrivals-section';
import { TodayCallsSection } from './today-calls-section';
import { TodayFlagsSection } from './today-flags-section';
import { TodayRefillsSection } from './today-refills-section';
import { TodayWithdrawalWatchSection } from './today-withdrawal-watch-section';

/** Today's clinic for a user, on a given clinic date (`YYYY-MM-DD`). */
export function TodaysClinic({ me, today }: { me: MeResponse; today: string }) {
  const timeZone = me.clinic.timeZone;
  return (
    <>
      <PageHeader
        title="Today's clinic"
        description={`${me.clinic.name} · ${formatLocalDateWithWeekday(today, { long: true })} · times in ${timeZoneAbbreviation(new Date(), timeZone)} (${timeZone})`}
        actions={
          <Button
            component={Link}
            to={paths.calendar.getHref({ view: 'day', date: today })}
            variant="default"
            leftSection={<IconCalendarWeek size={16} aria-hidden />}
          >
            Day in the calendar
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <TodayArrivalsSection me={me} today={today} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TodayRefillsSection me={me} today={today} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TodayWithdrawalWatchSection me={me} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TodayCallsSection me={me} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TodayFlagsSection me={me} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The nurse's home: who arrives today, which refills to record, which flags to acknowledge. */
export function TodayRoute() {
  const me = useCurrentUser();
  if (!can(me, 'calendar:view')) {
    return <NotAllowed title="Today's clinic" reason="Today's clinic is for nurses and specialists." />;
  }
  return <TodaysClinic me={me} today={todayIn(me.clinic.timeZone)} />;
}
