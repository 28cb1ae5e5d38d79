import { Button, Card, EmptyState } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../paths';

/** An unknown id, or another clinic's: the API answers 404 for both, so ids leak nothing. */
export function PatientNotFound() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="Patient not found" />
      <Card>
        <EmptyState
          icon={<IconUserQuestion aria-hidden />}
          withIndicatorBackground
          title="No patient in this clinic has this record"
          description="The link may be mistyped, or the record belongs to another clinic."
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
