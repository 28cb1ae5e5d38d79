import { useParams } from 'react-router';
import { refillWorksheetPdfHref, useRefillWorksheet } from '../../features/refill-worksheets/api/get-refill-worksheet';
import { RefillWorksheetSheet } from '../../features/refill-worksheets/components/refill-worksheet-sheet';
import { WorksheetScreen } from './worksheet-screen';

/** The page taken to a refill: the plan for the pump as it is now, on screen, on paper or as the server's PDF. */
export function RefillWorksheetRoute() {
  const { patientId = '', pumpId = '' } = useParams();
  return (
    <WorksheetScreen
      patientId={patientId}
      title="Refill worksheet"
      query={useRefillWorksheet(pumpId)}
      unavailable={{
        title: 'No refill to plan',
        description: 'This pump has no active fill: a worksheet plans the refill of a filled, implanted pump.',
      }}
      pdf={{ href: refillWorksheetPdfHref(pumpId), filename: 'refill-worksheet.pdf' }}
      describe={(sheet) => ({
        documentTitle: `Refill worksheet · ${sheet.patient.name}`,
        description: `${sheet.patient.name}, MRN ${sheet.patient.mrn} · print it before the refill, or download the PDF`,
      })}
    >
      {(sheet) => <RefillWorksheetSheet sheet={sheet} />}
    </WorksheetScreen>
  );
}
