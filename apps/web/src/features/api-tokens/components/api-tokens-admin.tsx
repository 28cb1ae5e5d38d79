import type { ApiTokenResponse } from '@itb/contracts';
import { Badge, Button, Card, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../../components/ui/query-error';
import { formatInstant } from '../../../lib/format';
import { useApiTokens } from '../api/get-api-tokens';
import { CreateApiTokenModal } from './create-api-token-modal';
import { RevokeApiTokenModal } from './revoke-api-token-modal';

function TokensTable({
  tokens,
  timeZone,
  onRevoke,
}: {
  tokens: ApiTokenResponse[];
  timeZone: string;
  onRevoke: (token: ApiTokenResponse) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {token.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {token.prefix}… · read FHIR
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatInstant(token.createdAt, timeZone)}</Text>
                <Text size="xs" c="dimmed">
                  by {token.createdBy.name}
                </Text>
              </Table.Td>
              <Table.Td>{token.lastUsedAt ? formatInstant(token.lastUsedAt, timeZone) : 'Never'}</Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge color="gray" variant="light">
                    Revoked {formatInstant(token.revokedAt, timeZone)}
                  </Badge>
                ) : (
                  <Badge color="clinic" variant="light">
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!token.revokedAt && (
                  <Button
                    size="xs"
                    variant="default"
                    color="red.9"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The clinic's personal API tokens: create (the secret shown once), see their last use, revoke. */
export function ApiTokensAdmin({ timeZone }: { timeZone: string }) {
  const tokensQuery = useApiTokens();
  const [isCreating, setIsCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenResponse | null>(null);
  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          Tokens let another system read this clinic&apos;s records through the FHIR API (<code>/api/fhir/R4</code>),
          read only. Nothing else in the application accepts them.
        </Text>
        <Button leftSection={<IconKey size={16} aria-hidden />} onClick={() => setIsCreating(true)}>
          New token
        </Button>
      </Group>
      {tokensQuery.isPending ? (
        <Stack gap="sm" role="status" aria-busy aria-label="Loading API tokens">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      ) : tokensQuery.isError ? (
        <QueryError
          title="Could not load API tokens"
          error={tokensQuery.error}
          onRetry={() => void tokensQuery.refetch()}
          isRetrying={tokensQuery.isRefetching}
        />
      ) : tokensQuery.data.items.length === 0 ? (
        <Text size="sm" ta="center" py="lg">
          No API tokens yet. Create one for each system that should read the clinic&apos;s records.
        </Text>
      ) : (
        <TokensTable tokens={tokensQuery.data.items} timeZone={timeZone} onRevoke={setRevoking} />
      )}
      <CreateApiTokenModal opened={isCreating} onClose={() => setIsCreating(false)} />
      <RevokeApiTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
