// Electron prints through the core; browser mode answers printed:false, so the page prints itself
// (the print stylesheet shows only the receipt).
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';

/** Returns a message for the cashier, or null when the browser print dialog took over. */
export const printReceipt = async (eventId: string): Promise<string | null> => {
  const r = await call('sale-print', { eventId });
  if (!r.ok) return errorText(r.error);
  if (r.value.printed) return 'Sent to the printer.';
  if (r.value.pdfPath) return `Saved as ${r.value.pdfPath}`;
  window.print();
  return null;
};
