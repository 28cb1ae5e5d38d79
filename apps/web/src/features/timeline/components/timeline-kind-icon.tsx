import type { TimelineKind } from '@itb/contracts';
import { ThemeIcon } from '@mantine/core';
import {
  IconAdjustmentsHorizontal,
  IconCalendarEvent,
  IconCircleCheck,
  IconDeviceHeartMonitor,
  IconDroplet,
  IconEyeCheck,
  IconFlag,
  type Icon,
} from '@tabler/icons-react';

const KIND_ICONS: Record<TimelineKind, { icon: Icon; color: string }> = {
  fill: { icon: IconDroplet, color: 'clinic' },
  dose_adjustment: { icon: IconAdjustmentsHorizontal, color: 'indigo' },
  pump_event: { icon: IconDeviceHeartMonitor, color: 'grape' },
  appointment: { icon: IconCalendarEvent, color: 'blue' },
  flag_raised: { icon: IconFlag, color: 'red' },
  flag_acknowledged: { icon: IconEyeCheck, color: 'orange' },
  flag_resolved: { icon: IconCircleCheck, color: 'green' },
};

/** The kind's icon in its colour; decorative, as the kind is also written beside it. */
export function TimelineKindIcon({ kind }: { kind: TimelineKind }) {
  const { icon: KindIcon, color } = KIND_ICONS[kind];
  return (
    <ThemeIcon variant="light" color={color} size={34} radius="xl" aria-hidden data-kind={kind}>
      <KindIcon size={18} />
    </ThemeIcon>
  );
}
