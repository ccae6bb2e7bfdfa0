// The one Content-Security-Policy both shells send (Electron's app:// protocol and the browser-mode
// host), plus the other hardening headers. Kept free of electron imports so the host can share it.

const DOCUMENT_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets inline style attributes; no inline scripts are ever allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = [...DOCUMENT_DIRECTIVES, "frame-ancestors 'none'"].join(
  '; ',
);

/** The `<meta>` fallback: browsers ignore (and warn about) frame-ancestors there. */
export const META_CONTENT_SECURITY_POLICY = DOCUMENT_DIRECTIVES.join('; ');

/** Headers sent with every response a shell serves to the UI. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
