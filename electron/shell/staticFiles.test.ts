import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, prepareIndexHtml, resolveStaticPath } from './staticFiles';

const dist = path.resolve('/srv/dist');

describe('resolveStaticPath', () => {
  it('maps asset paths inside the dist directory', () => {
    expect(resolveStaticPath(dist, '/assets/index-abc.js')).toBe(
      path.join(dist, 'assets', 'index-abc.js'),
    );
    expect(resolveStaticPath(dist, '/')).toBe(path.join(dist, 'index.html'));
    expect(resolveStaticPath(dist, '/checkout')).toBe(path.join(dist, 'index.html'));
  });

  it('refuses anything that would leave it', () => {
    for (const bad of [
      '/../secret.txt',
      '/assets/../../etc/passwd.txt',
      '/%2e%2e/x.js',
      '/a%00.js',
      '/%E0%A4%A.js',
      '/..%5cx.js',
    ]) {
      expect(resolveStaticPath(dist, bad)).toBeNull();
    }
  });

  it('names content types', () => {
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('prepareIndexHtml', () => {
  it('injects the CSP meta right after <head>, and nothing else', () => {
    const html = prepareIndexHtml('<!doctype html><html><head><title>x</title></head></html>');
    expect(html).toMatch(
      /^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self';[^"]*"><title>/,
    );
    expect(html).not.toContain('pos-token');
  });

  it('keeps <meta charset> first and leaves frame-ancestors out of the meta policy', () => {
    const html = prepareIndexHtml(
      '<html><head>\n<meta charset="UTF-8" /><title>x</title></head></html>',
    );
    expect(html).toMatch(
      /^<html><head>\n<meta charset="UTF-8" \/><meta http-equiv="Content-Security-Policy"/,
    );
    expect(html).not.toContain('frame-ancestors');
  });

  it('leaves an existing CSP meta alone', () => {
    const page =
      '<head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"></head>';
    expect(prepareIndexHtml(page)).toBe(page);
  });
});
