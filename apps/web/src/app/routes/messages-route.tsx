import { type MeResponse, MESSAGE_STATUS_LABELS, MESSAGE_STATUSES, type MessageStatus } from '@itb/contracts';
import { Accordion, Alert, Card, NativeSelect, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ListEmptyState } from '../../components/ui/list-empty-state';
import { ListStates } from '../../components/ui/list-states';
import { LoadMoreFooter } from '../../components/ui/load-more-footer';
import { PageHeader } from '../../components/ui/page-header';
import { useMessages, useMessageSummary, useResendMessage } from '../../features/messages/api/messages';
import { LetterBatchCard } from '../../features/messages/components/letter-batch-card';
import { MessageItem } from '../../features/messages/components/message-item';
import { can, useCurrentUser } from '../../lib/auth';
import { timeZoneAbbreviation } from '../../lib/format';
import { NotAllowed } from './not-allowed';

/**
 * The administrator's outbox (issue 13): every reminder, "please call us" and staff digest exactly as
 * it goes out, its state and retries, the letter batch, and sending one again.
 */
export function MessagesRoute() {
  const me = useCurrentUser();
  if (!can(me, 'messages:manage')) {
    return <NotAllowed title="Messages" reason="Only administrators manage the outbox." />;
  }
  return <Outbox me={me} />;
}

function Outbox({ me }: { me: MeResponse }) {
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const summary = useMessageSummary();
  const messages = useMessages(status);
  const resend = useResendMessage();
  const timeZone = me.clinic.timeZone;
  const counts = summary.data?.counts;
  const canSendEmail = summary.data?.canSendEmail ?? false;
  const items = (messages.data?.pages ?? []).flatMap((page) => page.items);
  return (
    <>
      <PageHeader
        title="Messages"
        description={`${me.clinic.name} · refill reminders, "please call us" and staff digests, newest first · times in ${timeZoneAbbreviation(new Date(), timeZone)} (${timeZone})`}
      />
      <Stack gap="md">
        {summary.data && !canSendEmail && (
          <Alert color="orange" variant="light" icon={<IconMailOff aria-hidden />} title="E-mail is not going out">
            No mail server is configured (SMTP_URL), so e-mails are held here exactly as they would be sent. Letters
            print as usual.
          </Alert>
        )}
        <LetterBatchCard waiting={counts?.to_print ?? 0} />
        <Card>
          <NativeSelect
            label="Status"
            maw={280}
            mb="md"
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as MessageStatus | '')}
            data={[
              { value: '', label: 'Every status' },
              ...MESSAGE_STATUSES.map((s) => ({
                value: s,
                label: counts ? `${MESSAGE_STATUS_LABELS[s]} (${counts[s]})` : MESSAGE_STATUS_LABELS[s],
              })),
            ]}
          />
          <ListStates
            query={messages}
            isEmpty={items.length === 0}
            loading={<Skeleton h={180} />}
            errorTitle="Could not load the outbox"
            empty={
              <ListEmptyState
                isFiltered={status !== ''}
                empty={{
                  icon: <IconMail aria-hidden />,
                  title: 'No messages yet',
                  description: "Reminders go out 7 and 1 days before booked refills, from the clinic's morning time.",
                }}
                filtered={{
                  icon: <IconMail aria-hidden />,
                  title: 'No messages in this status',
                  description: 'Choose another status to see the rest of the outbox.',
                }}
                onReset={() => setStatus('')}
                resetLabel="Show every status"
              />
            }
          >
            <Accordion variant="separated" chevronPosition="left">
              {items.map((message) => (
                <MessageItem
                  key={message.id}
                  message={message}
                  timeZone={timeZone}
                  canSendEmail={canSendEmail}
                  isResending={resend.isPending && resend.variables?.id === message.id}
                  onResend={(m) =>
                    void resend
                      .mutateAsync({ id: m.id })
                      .then(() =>
                        notifications.show({
                          color: 'clinic',
                          message: m.channel === 'letter' ? 'Back in the letter batch' : 'Queued to send again',
                        }),
                      )
                      .catch((error: Error) =>
                        notifications.show({ color: 'red', message: `Not sent: ${error.message}` }),
                      )
                  }
                />
              ))}
            </Accordion>
            <LoadMoreFooter
              query={messages}
              noun="messages"
              summary={`Showing ${items.length} messages, newest first`}
            />
          </ListStates>
        </Card>
      </Stack>
    </>
  );
}
