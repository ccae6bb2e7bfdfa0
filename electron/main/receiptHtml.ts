// A printable receipt as a self-contained HTML page (inline CSS, no script, no external resource),
// laid out for an 80 mm roll. Pure: Electron's hidden print window just loads it.
import type { Receipt } from '../../shared/api';
import { formatMoney } from '../../shared/money';

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `
@page { margin: 4mm; }
body { font: 12px/1.35 'DejaVu Sans Mono', 'Courier New', monospace; width: 72mm; margin: 0 auto; color: #000; }
h1 { font-size: 15px; text-align: center; margin: 0 0 2px; }
.center { text-align: center; white-space: pre-wrap; }
table { width: 100%; border-collapse: collapse; }
td { vertical-align: top; padding: 1px 0; }
td.amount { text-align: right; white-space: nowrap; }
.rule { border-top: 1px dashed #000; margin: 4px 0; }
.total td { font-weight: bold; font-size: 14px; }
.muted { font-size: 11px; }
`;

export interface ReceiptFormat {
  locale: string;
  timeZone: string;
}

export const receiptHtml = (receipt: Receipt, format: ReceiptFormat): string => {
  const money = (amount: number): string =>
    escapeHtml(formatMoney(amount, receipt.currency, format.locale));
  const row = (label: string, amount: number, className = ''): string =>
    `<tr class="${className}"><td>${escapeHtml(label)}</td><td class="amount">${money(amount)}</td></tr>`;
  const when = new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: format.timeZone,
  }).format(new Date(receipt.occurredAt));
  const title = receipt.kind === 'return' ? 'REFUND' : 'TAX INVOICE';
  const lines = receipt.lines
    .map((line) => {
      const detail = `${line.quantity} × ${formatMoney(line.unitPrice, receipt.currency, format.locale)}`;
      const discount = line.discount !== 0 ? row('  discount', -line.discount, 'muted') : '';
      return `${row(line.name, line.gross)}<tr class="muted"><td colspan="2">${escapeHtml(`${line.sku}  ${detail}`)}</td></tr>${discount}`;
    })
    .join('');
  const payments = receipt.payments
    .map((payment) =>
      row(
        payment.reference ? `${payment.tender} (${payment.reference})` : payment.tender,
        payment.amount,
      ),
    )
    .join('');
  const taxNote = receipt.taxMode === 'inclusive' ? 'Tax included' : 'Tax';
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(receipt.receiptNo)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(receipt.storeName)}</h1>
${receipt.receiptHeader ? `<div class="center">${escapeHtml(receipt.receiptHeader)}</div>` : ''}
<div class="center">${title}</div>
<div class="rule"></div>
<table><tr><td>No. ${escapeHtml(receipt.receiptNo)}</td><td class="amount">${escapeHtml(when)}</td></tr>
<tr><td colspan="2">Cashier: ${escapeHtml(receipt.cashierName)}</td></tr>
${receipt.originalReceiptNo ? `<tr><td colspan="2">Refund of ${escapeHtml(receipt.originalReceiptNo)}</td></tr>` : ''}</table>
<div class="rule"></div>
<table>${lines}</table>
<div class="rule"></div>
<table>${row('Subtotal', receipt.totals.gross)}${receipt.totals.discount !== 0 ? row('Discount', -receipt.totals.discount) : ''}${row(taxNote, receipt.totals.tax)}${row('TOTAL', receipt.totals.total, 'total')}</table>
<div class="rule"></div>
<table>${payments}${receipt.change !== 0 ? row('Change', receipt.change) : ''}</table>
<div class="rule"></div>
<div class="center muted">${receipt.totals.units} item(s). Thank you!</div>
</body></html>`;
};
