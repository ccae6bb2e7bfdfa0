// The sandboxed preload, bundled to one CommonJS file (only `electron` stays external). It exposes
// exactly one typed object, `window.pos`; `ipcRenderer` itself never crosses the bridge.
import { contextBridge, ipcRenderer } from 'electron';
import type { PosApi } from '../../shared/api';
import { buildPreloadApi } from './preloadApi';

const api = buildPreloadApi((channel, input) =>
  ipcRenderer.invoke(channel, input),
) satisfies PosApi;

contextBridge.exposeInMainWorld('pos', api);
