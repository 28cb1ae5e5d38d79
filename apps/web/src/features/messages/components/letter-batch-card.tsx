import { LETTER_BATCH_MAX } from '@itb/contracts';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPrinter } from '@tabler/icons-react';
import { letterBatchPdfHref, useLettersToPrint, useMarkLettersPrinted } from '../api/messages';

/**
 * The daily letter batch: patients without e-mail get their reminders on paper. Open the PDF (a page
 * each, oldest first), print and post them, then mark them printed so they leave the batch.
 */
export function LetterBatchCard({ waiting }: { waiting: number }) {
  const letters = useLettersToPrint();
  const markPrinted = useMarkLettersPrinted();
  const ids = (letters.data?.items ?? []).map((m) => m.id);
  return (
    <Card>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} fz="lg">
            Letters to print
          </Title>
          <Text size="sm" c="dimmed">
            {waiting === 0
              ? 'No letters are waiting.'
              : `${waiting} letter${waiting === 1 ? '' : 's'} waiting, one page each${waiting > LETTER_BATCH_MAX ? ` (the oldest ${LETTER_BATCH_MAX} print first)` : ''}.`}
          </Text>
        </div>
        {waiting > 0 && (
          <Group gap="xs">
            <Button
              component="a"
              href={letterBatchPdfHref()}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
            >
              Open letters PDF
            </Button>
            <Button
              leftSection={<IconCheck size={16} aria-hidden />}
              disabled={ids.length === 0 || waiting > LETTER_BATCH_MAX}
              loading={markPrinted.isPending}
              onClick={() =>
                void markPrinted
                  .mutateAsync({ messageIds: ids })
                  .then(({ printed }) =>
                    notifications.show({
                      color: 'clinic',
                      message: `${printed} letter${printed === 1 ? '' : 's'} marked printed`,
                    }),
                  )
                  .catch((error: Error) =>
                    notifications.show({ color: 'red', message: `Not marked: ${error.message}` }),
                  )
              }
            >
              Mark {ids.length} printed
            </Button>
          </Group>
        )}
      </Group>
    </Card>
  );
}
