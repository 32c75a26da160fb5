// `/test-csp/`: an empty page under the strict Content-Security-Policy the README supports, with
// Trusted Types enforced. tests/csp/ load it in an iframe, put widgets in it and count
// `securitypolicyviolation` events (tests/csp/frame.ts records them from the first script on).
export const strictCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify dandelion-inert',
].join('; ');

const page = `<!doctype html>
<html lang="zh-Hans">
  <head><meta charset="utf-8"><title>strict CSP</title></head>
  <body><script type="module" src="/tests/csp/frame.ts"></script></body>
</html>`;

export async function strictCspPage(ctx, next) {
  if (ctx.path !== '/test-csp/') return next();
  ctx.set('Content-Security-Policy', strictCsp);
  ctx.type = 'html';
  ctx.body = page;
}
