import { msg, str } from '@lit/localize';

/**
 * What a person reads when the receiving end refused the answers (a 4xx): the notice above the
 * form and the `dandelion-error` message say the same, without blaming a "server".
 */
export const rejectedMessage = (status: number | string): string =>
  msg(
    str`The form was not accepted (error ${status}). Please check your answers and submit again.`,
    {
      id: 'intake.rejected',
    },
  );
