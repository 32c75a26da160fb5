// A module download that fails, for tests of a lazy chunk that cannot be fetched: while the page's
// cookie `dandelion-fail-modules` lists a comma-separated part of a module's path (e.g.
// `/core/readers/atom.`), requests for that module answer 503, as a dropped connection would.
export async function failingModules(ctx, next) {
  const parts = decodeURIComponent(ctx.cookies.get('dandelion-fail-modules') ?? '')
    .split(',')
    .filter(Boolean);
  if (parts.length && /\.(?:js|ts)$/.test(ctx.path) && parts.some((p) => ctx.path.includes(p))) {
    ctx.status = 503;
    ctx.body = 'module download failed (test)';
    return;
  }
  return next();
}
