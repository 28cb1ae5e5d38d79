import type { MeResponse, UpdateMyPreferencesRequest } from '@itb/contracts';
import { Card, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const updatePreferences = (body: UpdateMyPreferencesRequest) => api.patch<MeResponse>('/auth/me', body);

/** A clinician turns the morning e-mail digest on or off (issue 13); administrators get none. */
export function StaffDigestCard({ me }: { me: MeResponse }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updatePreferences,
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.auth.me(), next);
      notifications.show({
        color: 'clinic',
        message: next.staffDigest ? 'Morning digest turned on' : 'Morning digest turned off',
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: `Not saved: ${error.message}` }),
  });
  return (
    <Card>
      <Title order={2} fz="lg">
        Morning digest
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Each clinic day at the clinic&apos;s morning time, an e-mail to {me.email}: overdue pumps, pumps due and not
        booked, open critical flags and today&apos;s clinic list. Patients are named by MRN and initials only.
      </Text>
      <Switch
        label="Send me the morning digest"
        checked={me.staffDigest}
        disabled={save.isPending}
        onChange={(event) => save.mutate({ staffDigest: event.currentTarget.checked })}
      />
    </Card>
  );
}
