// The demo shop both shells create for `--demo` on a fresh data directory. No electron import:
// the browser-mode host shares it.
import type { ApiInput, PosDispatch } from '../../shared/api';
import { ok, type Result } from '../../shared/result';

export const DEMO_OWNER_PIN = '123456';

export const DEMO_SETUP: ApiInput<'setup-init'> = {
  storeName: 'Rang Mahal Menswear',
  currency: 'INR',
  locale: 'en-IN',
  timeZone: 'Asia/Kolkata',
  taxMode: 'inclusive',
  ownerName: 'Owner',
  ownerPin: DEMO_OWNER_PIN,
  demo: true,
};

/** Initialises the demo shop unless the store is already set up (then it leaves it alone). */
export const ensureDemoShop = async (
  dispatch: PosDispatch,
): Promise<Result<{ created: boolean }>> => {
  const status = await dispatch('setup-status', {});
  if (!status.ok) return status;
  if (status.value.initialised) return ok({ created: false });
  const init = await dispatch('setup-init', DEMO_SETUP);
  return init.ok ? ok({ created: true }) : init;
};
