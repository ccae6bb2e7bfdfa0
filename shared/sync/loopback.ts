// Which hosts are this machine: plain http:// to them never crosses a network, so the till may
// use it without the owner's "allow unencrypted" (a developer's or a test's HQ). One rule for the
// core's enforcement and the Connect screen's hint.

/** 127.0.0.0/8, ::1 and localhost (and its subdomains, which resolve to loopback by RFC 6761). */
export const isLoopbackHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && Number(v4[1]) === 127 && v4.slice(2).every((p) => Number(p) <= 255);
};

/**
 * True for an http:// address whose host is not loopback. A plain pattern, not URL: shared/ code
 * runs where no URL global is typed; the core re-checks with a full parse.
 */
export const isInsecureRemoteUrl = (raw: string): boolean => {
  const m = /^http:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(raw.trim());
  return m !== null && !isLoopbackHost(m[1] ?? '');
};
