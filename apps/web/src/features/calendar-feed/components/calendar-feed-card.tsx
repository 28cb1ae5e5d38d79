import {
  CALENDAR_FEED_DAYS_AHEAD,
  CALENDAR_FEED_DAYS_BACK,
  CALENDAR_FEED_SCOPE_LABELS,
  type CalendarFeedCreated,
  type CalendarFeedScope,
  type MeResponse,
} from '@itb/contracts';
import { Button, Card, Group, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { QueryError } from '../../../components/ui/query-error';
import { formatInstant } from '../../../lib/format';
import { useCreateCalendarFeed } from '../api/create-calendar-feed';
import { useCalendarFeed } from '../api/get-calendar-feed';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed';
import { useUpdateCalendarFeed } from '../api/update-calendar-feed';
import { CalendarFeedAddress } from './calendar-feed-address';
import { ConfirmFeedModal, type FeedConfirmation } from './confirm-feed-modal';

/** "Only mine" is offered to clinicians; an administrator holds no appointments of their own. */
const scopesFor = (role: MeResponse['role']): CalendarFeedScope[] =>
  role === 'admin' ? ['clinic'] : ['clinic', 'mine'];

function ScopeChoice({
  role,
  value,
  onChange,
  disabled,
}: {
  role: MeResponse['role'];
  value: CalendarFeedScope;
  onChange: (scope: CalendarFeedScope) => void;
  disabled?: boolean;
}) {
  const scopes = scopesFor(role);
  if (scopes.length === 1) {
    return <Text size="sm">It holds all of the clinic&rsquo;s appointments.</Text>;
  }
  return (
    <Radio.Group
      label="What it holds"
      description="Yours: the appointments you are the clinician of, and those you booked without naming one."
      value={value}
      onChange={(next) => onChange(next as CalendarFeedScope)}
    >
      <Stack gap="xs" mt="xs">
        {scopes.map((scope) => (
          <Radio key={scope} value={scope} label={CALENDAR_FEED_SCOPE_LABELS[scope]} disabled={disabled} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** The account page's card: your secret calendar address — make it, change it, replace it or revoke it. */
export function CalendarFeedCard({ me }: { me: MeResponse }) {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const update = useUpdateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [scope, setScope] = useState<CalendarFeedScope>('clinic');
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [confirming, setConfirming] = useState<FeedConfirmation | null>(null);
  const timeZone = me.clinic.timeZone;
  const failed = [create, update, revoke].find((m) => m.isError);

  const makeAddress = (forScope: CalendarFeedScope) =>
    create.mutate(
      { scope: forScope },
      {
        onSuccess: (answer) => {
          setCreated(answer);
          setConfirming(null);
        },
      },
    );

  let body;
  if (created) {
    body = (
      <CalendarFeedAddress
        path={created.path}
        onDone={() => {
          setCreated(null);
          // A calendar app may have fetched it meanwhile: show when.
          void feed.refetch();
        }}
      />
    );
  } else if (feed.isPending) {
    body = <Loader size="sm" aria-label="Loading your calendar feed" />;
  } else if (feed.isError) {
    body = (
      <QueryError
        title="Could not load your calendar feed"
        error={feed.error}
        onRetry={() => void feed.refetch()}
        isRetrying={feed.isFetching}
      />
    );
  } else if (!feed.data.feed) {
    body = (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          You have no calendar address.
        </Text>
        <ScopeChoice role={me.role} value={scope} onChange={setScope} />
        <Group>
          <Button loading={create.isPending} onClick={() => makeAddress(scope)}>
            Make my calendar address
          </Button>
        </Group>
      </Stack>
    );
  } else {
    const current = feed.data.feed;
    body = (
      <Stack gap="sm">
        <Text size="sm">
          Made {formatInstant(current.createdAt, timeZone)} · last fetched by a calendar app{' '}
          {current.lastFetchedAt ? formatInstant(current.lastFetchedAt, timeZone) : 'never'}
        </Text>
        <ScopeChoice
          role={me.role}
          value={current.scope}
          disabled={update.isPending}
          onChange={(next) => update.mutate({ scope: next })}
        />
        <Group gap="sm">
          <Button variant="default" onClick={() => setConfirming('regenerate')}>
            Make a new address
          </Button>
          <Button variant="outline" color="red.9" onClick={() => setConfirming('revoke')}>
            Revoke
          </Button>
        </Group>
        <ConfirmFeedModal
          confirmation={confirming}
          isPending={create.isPending || revoke.isPending}
          error={confirming === 'regenerate' ? create.error : revoke.error}
          onCancel={() => {
            create.reset();
            revoke.reset();
            setConfirming(null);
          }}
          onConfirm={() =>
            confirming === 'regenerate'
              ? makeAddress(current.scope)
              : revoke.mutate(undefined, { onSuccess: () => setConfirming(null) })
          }
        />
      </Stack>
    );
  }

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            Calendar feed
          </Title>
          <Text size="sm" c="dimmed">
            A private address your calendar app (Google, Outlook, Apple) subscribes to, so the clinic&rsquo;s
            appointments appear beside your own — from {CALENDAR_FEED_DAYS_BACK} days back to {CALENDAR_FEED_DAYS_AHEAD}{' '}
            days ahead, on the clinic&rsquo;s clock, kept up to date as bookings change. Patients appear by initials and
            MRN only; names and notes never leave the clinic.
          </Text>
        </div>
        {body}
        {failed && <FormErrorAlert error={failed.error} title="Could not change your calendar feed" />}
      </Stack>
    </Card>
  );
}
