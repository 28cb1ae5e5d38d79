import { Button, Card, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../paths';

/** Shown when a role opens a screen it may not use (the API refuses the same). */
export function NotAllowed({ title, reason }: { title: string; reason: string }) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState
          icon={<IconLock aria-hidden />}
          withIndicatorBackground
          title="Not available for your role"
          description={reason}
          py="lg"
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={() => void navigate(paths.patients.getHref())}>
              Back to patients
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </>
  );
}
