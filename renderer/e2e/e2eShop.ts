// The small shop the checkout e2e sells from: known prices and tax rates, so the test can work
// out every figure itself. Seeded through the host's real HTTP API before the UI is driven.
import { must } from './tillApi';

export const OWNER_PIN = '987654';
export const CASHIER = { name: 'Asha', pin: '2468' };
export const CATALOG = [
  {
    sku: 'KUR-001',
    name: 'Cotton Kurta White',
    price: '1299.00',
    minor: 129_900,
    taxBp: 500,
    barcode: '8901234567001',
  },
  {
    sku: 'SHR-002',
    name: 'Silk Sherwani Maroon',
    price: '8999.00',
    minor: 899_900,
    taxBp: 1200,
    barcode: '8901234567002',
  },
  {
    sku: 'DHO-003',
    name: 'Dhoti Cream',
    price: '449.50',
    minor: 44_950,
    taxBp: 500,
    barcode: '8901234567003',
  },
  {
    sku: 'JAC-004',
    name: 'Nehru Jacket Navy',
    price: '2499.00',
    minor: 249_900,
    taxBp: 1200,
    barcode: '8901234567004',
  },
] as const;

/** Sets up the store, a cashier, the catalog and opening stock (20 of each), then logs out. */
export const seedShop = async (origin: string, token: string): Promise<void> => {
  await must(origin, token, 'setup-init', {
    storeName: 'Rang E2E Menswear',
    currency: 'INR',
    locale: 'en-IN',
    timeZone: 'Asia/Kolkata',
    taxMode: 'inclusive',
    ownerName: 'Owner',
    ownerPin: OWNER_PIN,
    demo: false,
  });
  const owner = (await must(origin, token, 'users-list', {})).find((u) => u.role === 'owner');
  await must(origin, token, 'auth-login', { userId: owner!.id, pin: OWNER_PIN });
  await must(origin, token, 'users-create', {
    name: CASHIER.name,
    role: 'cashier',
    pin: CASHIER.pin,
  });
  const catalogCsv = [
    'sku,name,price,category,tax_rate,barcodes',
    ...CATALOG.map((p) => `${p.sku},${p.name},${p.price},Menswear,${p.taxBp / 100},${p.barcode}`),
  ].join('\n');
  await must(origin, token, 'catalog-import-commit', { csv: catalogCsv, kind: 'catalog' });
  const stockCsv = ['sku,quantity', ...CATALOG.map((p) => `${p.sku},20`)].join('\n');
  await must(origin, token, 'catalog-import-commit', { csv: stockCsv, kind: 'opening-stock' });
  await must(origin, token, 'auth-logout', {});
};
