// Tender shortcut letters inside the payment dialog. The amount field only takes digits, so a
// letter can mean "pay this amount by ...": C cash, K card, M mobile, V voucher, O other.
import type { TenderType } from '../../../../shared/tender';

export const TENDER_KEYS: { tender: TenderType; key: string; label: string }[] = [
  { tender: 'cash', key: 'c', label: 'Cash' },
  { tender: 'card', key: 'k', label: 'Card' },
  { tender: 'mobile', key: 'm', label: 'Mobile' },
  { tender: 'voucher', key: 'v', label: 'Voucher' },
  { tender: 'other', key: 'o', label: 'Other' },
];

export const tenderForKey = (key: string): TenderType | null =>
  TENDER_KEYS.find((t) => t.key === key.toLowerCase())?.tender ?? null;

export const tenderLabel = (tender: TenderType): string =>
  TENDER_KEYS.find((t) => t.tender === tender)?.label ?? tender;
