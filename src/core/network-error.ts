import { msg } from '@lit/localize';

/**
 * The message for a `network` failure. Apart from the other messages in `errors.ts` because the
 * data controller shows it when the chunk holding those (and the loader) cannot be fetched.
 */
export const networkErrorMessage = (): string =>
  msg('Could not connect. Please check your internet connection and try again.', {
    id: 'error.network',
  });
