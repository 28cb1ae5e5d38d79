import { useParams } from 'react-router';
import { fillWorksheetPdfHref, useFillWorksheet } from '../../features/refill-worksheets/api/get-fill-worksheet';
import { FillWorksheetSheet } from '../../features/refill-worksheets/components/fill-worksheet-sheet';
import { WorksheetScreen } from './worksheet-screen';

/** The record of one refill, signed by who recorded it: on screen, on paper or as the server's PDF. */
export function FillWorksheetRoute() {
  const { patientId = '', fillId = '' } = useParams();
  return (
    <WorksheetScreen
      patientId={patientId}
      title="Refill record"
      query={useFillWorksheet(fillId)}
      unavailable={{
        title: 'No refill record for a first fill',
        description: 'The first fill at implant withdrew nothing: only a refill has a record of what was found.',
      }}
      pdf={{ href: fillWorksheetPdfHref(fillId), filename: 'refill-record.pdf' }}
      describe={(sheet) => ({
        documentTitle: `Refill record · ${sheet.patient.name}`,
        description: `${sheet.patient.name}, MRN ${sheet.patient.mrn} · print it for the notes, or download the PDF`,
      })}
    >
      {(sheet) => <FillWorksheetSheet sheet={sheet} />}
    </WorksheetScreen>
  );
}
