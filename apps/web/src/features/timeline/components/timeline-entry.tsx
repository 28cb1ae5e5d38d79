import type { TimelineItem } from '@itb/contracts';
import { Anchor, Text } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatInstant } from '../../../lib/format';
import { KIND_LABELS } from '../lib/timeline-kinds';
import { TimelineKindIcon } from './timeline-kind-icon';
import classes from './timeline.module.css';

/** Who did it: a rule or the system acts with no user (an automatic flag, an automatic resolve). */
const actorText = (actor: TimelineItem['actor']): string => (actor ? `by ${actor.name}` : 'automatic, no user');

/** One moment of the patient's story: what, when (clinic time, zone shown), who and why in full. */
export function TimelineEntry({
  item,
  timeZone,
  worksheetHref,
}: {
  item: TimelineItem;
  timeZone: string;
  /** A refill's printable record (what was found and done, signed). */
  worksheetHref?: string;
}) {
  return (
    <li className={classes.entry} data-testid="timeline-entry">
      <TimelineKindIcon kind={item.kind} />
      <div>
        <Text fw={600} size="sm" lh={1.4}>
          {item.title}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          <Text span inherit fw={600}>
            {KIND_LABELS[item.kind]}
          </Text>
          {' · '}
          <time dateTime={item.at}>{formatInstant(item.at, timeZone)}</time>
          {' · '}
          {actorText(item.actor)}
        </Text>
        {item.reason && (
          <Text size="sm" className={classes.reason}>
            {item.reason}
          </Text>
        )}
        {worksheetHref && (
          <Anchor
            component={Link}
            to={worksheetHref}
            size="sm"
            className={classes.worksheetLink}
            aria-label={`Worksheet of the refill on ${formatInstant(item.at, timeZone)}`}
          >
            <IconClipboardList size={14} aria-hidden /> Worksheet
          </Anchor>
        )}
      </div>
    </li>
  );
}
