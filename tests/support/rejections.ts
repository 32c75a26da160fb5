/**
 * The page's unhandled promise rejections while each test of a `describe` block runs (a lazy
 * part that failed, a request aborted while shared: none may surface as one). Call it in the
 * block: the list it returns is emptied before each test.
 */
export function collectRejections(): unknown[] {
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => void rejections.push(event.reason);
  beforeEach(() => {
    rejections.length = 0;
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => window.removeEventListener('unhandledrejection', onRejection));
  return rejections;
}
