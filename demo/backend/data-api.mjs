// Read-only demo data: services (HSDS 3.0 API shape), events (iCalendar), stories (JSON Feed).
// All of it is fictional.
export function createDataApi() {
  return {
    handle(req, res, next) {
      next();
    },
  };
}
