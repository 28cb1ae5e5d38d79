import { Button, Card, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../paths';

export function NotFoundRoute() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="Page not found" />
      <Card>
        <EmptyState
          icon={<IconMapQuestion aria-hidden />}
          withIndicatorBackground
          title="There is nothing at this address"
          description="Check the link, or start again from the patient list."
          py="lg"
        >
          <EmptyState.Actions>
            <Button onClick={() => void navigate(paths.patients.getHref())}>Go to patients</Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </>
  );
}
