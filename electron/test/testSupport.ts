// Test support: a fresh till core in its own temp directory, set up and signed in as the owner,
// with a small catalog helper. Tests call the real dispatch, exactly as a host does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod } from '../../shared/api/inputs';
import type { ApiOutputs } from '../../shared/api/outputs';
import type { Product } from '../../shared/api/types';
import type { AppError } from '../../shared/result';
import type { CoreContext } from '../core/context';
import { coreContext, openTillCore, type TillCore } from '../core/tillCore';
import { productByCode } from './productByCode';

export const OWNER_PIN = '123456';

export interface TestCore {
  core: TillCore;
  ctx: CoreContext;
  dir: string;
  /** Calls a method and returns its value, failing the test on an error result. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** Calls a method that must fail and returns the error. */
  fail<M extends ApiMethod>(method: M, input: unknown): Promise<AppError>;
  product(
    sku: string,
    unitPrice: number,
    taxRateBp?: number,
    extra?: Partial<Product>,
  ): Promise<Product>;
  /** The product with this exact barcode or SKU (through catalog-list), or null. */
  productByCode(code: string): Promise<Product | null>;
  close(): void;
}

export const openTestCore = async (
  options: {
    taxMode?: 'inclusive' | 'exclusive';
    currency?: string;
    now?: () => number;
    setUp?: boolean;
    /** A folder the test owns (e.g. a tmpfs it mounted); close() then leaves it in place. */
    dataDir?: string;
  } = {},
): Promise<TestCore> => {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'till-core-test-'));
  const core = openTillCore({
    dataDir: dir,
    now: options.now,
    log: () => {},
    sync: { autoStart: false },
  });
  const call = async <M extends ApiMethod>(
    method: M,
    input: ApiInput<M>,
  ): Promise<ApiOutputs[M]> => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const fail = async <M extends ApiMethod>(method: M, input: unknown): Promise<AppError> => {
    const r = await core.dispatch(method, input);
    if (r.ok) throw new Error(`${method} was expected to fail but succeeded`);
    return r.error;
  };
  if (options.setUp !== false) {
    await call('setup-init', {
      storeName: 'Test Store',
      currency: options.currency ?? 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: options.taxMode ?? 'inclusive',
      ownerName: 'Olga Owner',
      ownerPin: OWNER_PIN,
      demo: false,
    });
  }
  return {
    core,
    ctx: coreContext(core),
    dir,
    call,
    fail,
    product: (sku, unitPrice, taxRateBp = 500, extra = {}) =>
      call('catalog-upsert', {
        product: {
          sku,
          barcodes: extra.barcodes ?? [`890${sku}`],
          name: extra.name ?? `Product ${sku}`,
          category: extra.category ?? 'Kurtas',
          subCategory: extra.subCategory ?? 'Cotton Kurta',
          unitPrice,
          taxRateBp,
          reorderLevel: extra.reorderLevel ?? 2,
          leadTimeDays: extra.leadTimeDays ?? 7,
          active: extra.active ?? true,
        },
      }),
    productByCode: (code) =>
      productByCode((query) => call('catalog-list', { query, limit: 500 }), code),
    close: () => {
      core.close();
      if (!options.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
};
