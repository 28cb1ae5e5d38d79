import { Button } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { QueryError } from '../../components/ui/query-error';
import { emergencyCardPdfHref, useEmergencyCard } from '../../features/emergency-card/api/get-emergency-card';
import {
  EmergencyCardSheet,
  EmergencyCardSkeleton,
} from '../../features/emergency-card/components/emergency-card-sheet';
import { NoCardState, NoClinicPhoneState } from '../../features/emergency-card/components/no-card-state';
import { isApiError } from '../../lib/api-client';
import { formatLocalDate } from '../../lib/format';
import { BackToPatientLink } from './back-to-patient-link';
import { PatientNotFound } from './patient-not-found';

const TITLE = 'Emergency card';

/** The printable wallet card a patient carries: on screen, on paper at true size, or as the server's PDF. */
export function EmergencyCardRoute() {
  const { patientId = '' } = useParams();
  const cardQuery = useEmergencyCard(patientId);
  const backToPatient = <BackToPatientLink patientId={patientId} />;

  if (cardQuery.isPending) {
    return (
      <>
        <PageHeader title={TITLE} actions={backToPatient} />
        <EmergencyCardSkeleton />
      </>
    );
  }
  if (cardQuery.isError) {
    const error = cardQuery.error;
    if (isApiError(error) && error.isNotFound) return <PatientNotFound />;
    return (
      <>
        <PageHeader title={TITLE} actions={backToPatient} />
        {isApiError(error) && error.code === 'RULE_VIOLATION' ? (
          error.details.some((d) => d.field === 'emergencyPhone') ? (
            <NoClinicPhoneState action={backToPatient} />
          ) : (
            <NoCardState action={backToPatient} />
          )
        ) : (
          <QueryError
            title="Could not load the emergency card"
            error={error}
            onRetry={() => void cardQuery.refetch()}
            isRetrying={cardQuery.isRefetching}
          />
        )}
      </>
    );
  }

  const card = cardQuery.data;
  return (
    <>
      <div className="no-print">
        <PageHeader
          title={TITLE}
          documentTitle={`${TITLE} · ${card.patientName}`}
          description={`${card.patientName}, born ${formatLocalDate(card.birthDate)} · print it for the patient to carry, or download the PDF`}
          actions={
            <>
              {backToPatient}
              <Button
                component="a"
                href={emergencyCardPdfHref(patientId)}
                download="emergency-card.pdf"
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                Download PDF
              </Button>
              <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
                Print
              </Button>
            </>
          }
        />
      </div>
      <EmergencyCardSheet card={card} />
    </>
  );
}
