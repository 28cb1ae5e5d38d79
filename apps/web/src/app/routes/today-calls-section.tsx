import type { MeResponse, StaffTaskResponse } from '@itb/contracts';
import { Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { TodaySection } from '../../features/today/components/today-section';
import { useCompleteTask, useOpenTasks } from '../../features/tasks/api/tasks';
import { formatInstant } from '../../lib/format';
import { paths } from '../paths';

/** Records that a call was made, with what came of it (kept on the audit row). */
function CallDoneModal({ task, onClose }: { task: StaffTaskResponse | null; onClose: () => void }) {
  const complete = useCompleteTask();
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    onClose();
  };
  return (
    <Modal opened={task !== null} onClose={close} title={task ? `Call ${task.patient.name}` : ''}>
      {task && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void complete
              .mutateAsync({ id: task.id, note })
              .then(() => {
                notifications.show({ color: 'clinic', message: `Call to ${task.patient.name} recorded` });
                close();
              })
              .catch((error: Error) => notifications.show({ color: 'red', message: `Not saved: ${error.message}` }));
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              {task.patient.phone ? `Phone ${task.patient.phone}. ` : 'No phone number on the chart. '}
              {task.details}
            </Text>
            <Textarea
              label="What came of the call"
              description="For example: booked for Thursday 09:00; no answer, letter sent"
              autosize
              minRows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={complete.isPending}>
                Mark done
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/**
 * Patients whose refill is overdue with nothing booked (issue 13): the reminder planner opens a call for
 * each, once per overdue spell, even for a patient who opted out of reminders.
 */
export function TodayCallsSection({ me }: { me: MeResponse }) {
  const tasksQuery = useOpenTasks();
  const [calling, setCalling] = useState<StaffTaskResponse | null>(null);
  const tasks = tasksQuery.data ?? [];
  return (
    <TodaySection
      title="Calls to make"
      subject="calls to make"
      count={tasksQuery.data ? String(tasks.length) : undefined}
      summary="Overdue refills with nothing booked: call to book, then mark the call done with what came of it."
      query={tasksQuery}
      isEmpty={tasks.length === 0}
      empty={{
        icon: <IconPhoneCheck aria-hidden />,
        title: 'No calls to make',
        description: 'Every overdue patient has a refill booked or has been called.',
      }}
    >
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Link to={paths.patient.getHref(task.patient.id)}>{task.patient.name}</Link>
                  <Text size="xs" c="dimmed">
                    {task.patient.mrn}
                  </Text>
                </Table.Td>
                <Table.Td>{task.patient.phone ?? '—'}</Table.Td>
                <Table.Td>{formatInstant(task.createdAt, me.clinic.timeZone)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setCalling(task)}>
                    Called
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CallDoneModal task={calling} onClose={() => setCalling(null)} />
    </TodaySection>
  );
}
