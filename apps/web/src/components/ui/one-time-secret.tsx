import { Alert, Button, CopyButton, Group, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface OneTimeSecretProps {
  /** The field's label: "One-time link", "Secret", "Your calendar address". */
  label: string;
  value: string;
  /** The copy button's label: "Copy link". */
  copyLabel: string;
  /** Under the "Shown only now" heading: why the clinic cannot show it again and what to do if it is lost. */
  notice: ReactNode;
  inputTestId?: string;
}

/**
 * A secret the server shows once (an invitation link, an API token, a calendar address): a read-only
 * field that selects itself, a copy button, and the warning that it will not be shown again.
 */
export function OneTimeSecret({ label, value, copyLabel, notice, inputTestId }: OneTimeSecretProps) {
  return (
    <>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={label}
          value={value}
          readOnly
          style={{ flex: '1 1 16rem', minWidth: 0 }}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={inputTestId}
        />
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              variant={copied ? 'light' : 'filled'}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : copyLabel}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />} title="Shown only now">
        {notice}
      </Alert>
    </>
  );
}
