import { Button, Card, EmptyState } from '@mantine/core';
import { IconDownload, IconFileOff, IconPrinter } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/ui/page-header';
import { QueryError } from '../../components/ui/query-error';
import { WorksheetSkeleton } from '../../features/refill-worksheets/components/worksheet-parts';
import { isApiError } from '../../lib/api-client';
import { BackToPatientLink } from './back-to-patient-link';

interface WorksheetScreenProps<T> {
  patientId: string;
  title: string;
  query: UseQueryResult<T>;
  /** Shown when the API refuses the sheet (422): why there is nothing to print. */
  unavailable: { title: string; description: string };
  pdf: { href: string; filename: string };
  describe: (sheet: T) => { documentTitle: string; description: string };
  children: (sheet: T) => ReactNode;
}

/**
 * A printable worksheet screen: the page header with Back, Download PDF and Print (none of which print),
 * then the sheet; loading, refused, missing and failed states. On paper only the sheet shows (global print
 * CSS hides the navigation and every button; the sheet's own CSS makes it one A4 page).
 */
export function WorksheetScreen<T>({
  patientId,
  title,
  query,
  unavailable,
  pdf,
  describe,
  children,
}: WorksheetScreenProps<T>) {
  const back = <BackToPatientLink patientId={patientId} />;
  if (query.isPending) {
    return (
      <>
        <PageHeader title={title} actions={back} />
        <WorksheetSkeleton label={`Loading the ${title.toLowerCase()}`} />
      </>
    );
  }
  if (query.isError) {
    const error = query.error;
    const isRefused = isApiError(error) && (error.isNotFound || error.code === 'RULE_VIOLATION');
    return (
      <>
        <PageHeader title={title} actions={back} />
        {isRefused ? (
          <Card>
            <EmptyState
              icon={<IconFileOff aria-hidden />}
              withIndicatorBackground
              title={error.isNotFound ? 'No such record in this clinic' : unavailable.title}
              description={
                error.isNotFound
                  ? 'The link may be mistyped, or the record belongs to another clinic.'
                  : unavailable.description
              }
              py="lg"
            />
          </Card>
        ) : (
          <QueryError
            title={`Could not load the ${title.toLowerCase()}`}
            error={error}
            onRetry={() => void query.refetch()}
            isRetrying={query.isRefetching}
          />
        )}
      </>
    );
  }
  const sheet = query.data;
  const { documentTitle, description } = describe(sheet);
  return (
    <>
      <div className="no-print">
        <PageHeader
          title={title}
          documentTitle={documentTitle}
          description={description}
          actions={
            <>
              {back}
              <Button
                component="a"
                href={pdf.href}
                download={pdf.filename}
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
      {children(sheet)}
    </>
  );
}
