import { MESSAGE_KIND_LABELS, MESSAGE_STATUS_LABELS, type MessageResponse, type MessageStatus } from '@itb/contracts';
import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconPrinter, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { formatInstant } from '../../../lib/format';

const STATUS_COLORS: Record<MessageStatus, string> = {
  held: 'gray',
  queued: 'blue',
  sending: 'yellow',
  sent: 'teal',
  failed: 'red',
  to_print: 'violet',
  printed: 'teal',
};

/** Whether an administrator may send it again: an e-mail not on its way, or a letter already printed. */
export function canResend(message: MessageResponse, canSendEmail: boolean): boolean {
  if (message.channel === 'letter') return message.status === 'printed';
  return canSendEmail && ['held', 'sent', 'failed', 'sending'].includes(message.status);
}

interface MessageItemProps {
  message: MessageResponse;
  timeZone: string;
  canSendEmail: boolean;
  isResending: boolean;
  onResend: (message: MessageResponse) => void;
}

/** One outbox row: who, what and its state; opened, the text exactly as it goes out. */
export function MessageItem({ message, timeZone, canSendEmail, isResending, onResend }: MessageItemProps) {
  const who = message.patient ? `${message.patient.name} · ${message.patient.mrn}` : (message.staffName ?? '');
  return (
    <Accordion.Item value={message.id}>
      <Accordion.Control
        icon={
          message.channel === 'email' ? (
            <IconMail size={18} aria-label="E-mail" />
          ) : (
            <IconPrinter size={18} aria-label="Letter" />
          )
        }
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" truncate>
              {message.subject}
            </Text>
            <Text size="xs" c="dimmed">
              {MESSAGE_KIND_LABELS[message.kind]} · {who} · {formatInstant(message.createdAt, timeZone)}
            </Text>
          </Stack>
          <Badge color={STATUS_COLORS[message.status]} variant="light">
            {MESSAGE_STATUS_LABELS[message.status]}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          <Text size="sm">
            <Text span fw={600}>
              To:{' '}
            </Text>
            <Text span style={{ whiteSpace: 'pre-line' }}>
              {message.recipient}
            </Text>
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              Why:{' '}
            </Text>
            {message.reason}
          </Text>
          {message.patient && (
            <Text size="sm">
              <Link to={paths.patient.getHref(message.patient.id)}>Open {message.patient.name}&apos;s chart</Link>
            </Text>
          )}
          <Text
            component="pre"
            size="sm"
            p="sm"
            bg="var(--mantine-color-gray-0)"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', borderRadius: 6, margin: 0 }}
            aria-label="Message text"
          >
            {`Subject: ${message.subject}\n\n${message.body}`}
          </Text>
          <Text size="xs" c="dimmed">
            {message.attempts} attempt{message.attempts === 1 ? '' : 's'}
            {message.sentAt && ` · sent ${formatInstant(message.sentAt, timeZone)}`}
            {message.printedAt && ` · printed ${formatInstant(message.printedAt, timeZone)}`}
            {message.lastError && ` · last error: ${message.lastError}`}
          </Text>
          {canResend(message, canSendEmail) && (
            <Group justify="flex-end">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconSend size={14} aria-hidden />}
                loading={isResending}
                onClick={() => onResend(message)}
              >
                {message.channel === 'letter' ? 'Print again' : 'Send again'}
              </Button>
            </Group>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
