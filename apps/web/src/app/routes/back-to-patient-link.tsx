import { Button } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../paths';

/** The way back to a patient's page from a screen printed or read from it (the card, the worksheets). */
export function BackToPatientLink({ patientId }: { patientId: string }) {
  return (
    <Button
      component={Link}
      to={paths.patient.getHref(patientId)}
      variant="subtle"
      leftSection={<IconArrowLeft size={16} aria-hidden />}
    >
      Back to patient
    </Button>
  );
}
