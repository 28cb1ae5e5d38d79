import { Button } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { Link } from 'react-router';

/** Opens the printable wallet card; every role may read it (the API allows all roles). */
export function EmergencyCardButton({ to }: { to: string }) {
  return (
    <Button component={Link} to={to} variant="default" leftSection={<IconId size={16} aria-hidden />}>
      Emergency card
    </Button>
  );
}
