import type { OverdueReport } from '@itb/contracts';
import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import type { OpenDrill } from '../lib/drill-target';
import { ByPerformerTable } from './by-performer-table';
import { BySpecialistTable } from './by-specialist-table';
import { ReportSection } from './report-section';

type View = 'specialist' | 'performer';

const DESCRIPTIONS: Record<View, string> = {
  specialist:
    'Refills that fell due, by the patient’s primary specialist, who answers for the patient. Counts in refills.',
  performer:
    'Refills done, by the clinician who performed them. Counts in refills; not-done refills have no performer.',
};

/** Who answers for the refills: the primary specialist by default, the performer as a second view. */
export function ResponsibilitySection({
  report,
  onOpen,
}: {
  report: Pick<OverdueReport, 'bySpecialist' | 'byPerformer'>;
  onOpen: OpenDrill;
}) {
  const [view, setView] = useState<View>('specialist');
  return (
    <ReportSection
      title={view === 'specialist' ? 'By primary specialist' : 'By who performed the refill'}
      description={DESCRIPTIONS[view]}
      actions={
        <SegmentedControl
          className="no-print"
          aria-label="Group refills by"
          value={view}
          onChange={(next) => setView(next as View)}
          data={[
            { value: 'specialist', label: 'Primary specialist' },
            { value: 'performer', label: 'Performed by' },
          ]}
        />
      }
    >
      {view === 'specialist' ? (
        <BySpecialistTable rows={report.bySpecialist} onOpen={onOpen} />
      ) : (
        <ByPerformerTable rows={report.byPerformer} onOpen={onOpen} />
      )}
    </ReportSection>
  );
}
