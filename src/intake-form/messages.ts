/**
 * Words for validation issues, written for people ("请填写孩子的出生日期", not "must match
 * format"). Resolution follows Lion: the field's own message for that check (`x-ui.messages`),
 * else the default sentence for the check, in the widget's language. Call inside `render()` or
 * `inLocale()` so `msg()` resolves in the element's language.
 */
import { msg, str } from '@lit/localize';
import { pickText, type Field } from './schema.js';
import type { IssueCode, IssueParams } from './validate.js';

export interface MessageContext {
  locale: string;
  number: Intl.NumberFormat;
}

/** The sentence for one issue on one field. */
export function issueMessage(
  field: Field,
  code: IssueCode | string,
  params: IssueParams | undefined,
  ctx: MessageContext,
): string {
  const own = field.messages?.[code];
  if (own !== undefined) return pickText(own, ctx.locale);
  const label = pickText(field.title, ctx.locale);
  const limit = ctx.number.format(params?.limit ?? 0);
  const actual = ctx.number.format(params?.actual ?? 0);
  switch (code) {
    case 'required':
      if (field.kind === 'boolean' && field.consent) {
        return msg('Tick the box to agree before you continue', { id: 'intake.consent' });
      }
      return field.kind === 'choice' || field.kind === 'multi' || field.kind === 'boolean'
        ? msg(str`Select ${label}`, { id: 'intake.requiredChoice' })
        : msg(str`Enter ${label}`, { id: 'intake.required' });
    case 'const':
      return field.consent
        ? msg('Tick the box to agree before you continue', { id: 'intake.consent' })
        : msg(str`Check ${label}`, { id: 'intake.invalid' });
    case 'minLength':
      return msg(str`${label} must be at least ${limit} characters`, { id: 'intake.minLength' });
    case 'maxLength':
      return msg(str`${label} must be ${limit} characters or fewer (now ${actual})`, {
        id: 'intake.maxLength',
      });
    case 'pattern':
      return msg(str`${label} does not look right: please check it`, { id: 'intake.pattern' });
    case 'format':
      switch (params?.format) {
        case 'email':
          return msg('Enter an email address like name@example.com', { id: 'intake.email' });
        case 'tel':
          return msg(
            'Enter a mobile number like 138 0000 0000, or a landline with its area code like 020-0000 0000',
            { id: 'intake.tel' },
          );
        case 'date':
          return msg(str`${label} must be a real date`, { id: 'intake.date' });
        case 'uri':
          return msg('Enter a full web address starting with http:// or https://', {
            id: 'intake.uri',
          });
      }
      return msg(str`${label} does not look right: please check it`, { id: 'intake.pattern' });
    case 'minimum':
      return msg(str`${label} must be ${limit} or more`, { id: 'intake.minimum' });
    case 'maximum':
      return msg(str`${label} must be ${limit} or less`, { id: 'intake.maximum' });
    case 'type':
      if (field.kind === 'number') {
        return field.integer
          ? msg(str`${label} must be a whole number`, { id: 'intake.integer' })
          : msg(str`${label} must be a number`, { id: 'intake.number' });
      }
      return msg(str`Check ${label}`, { id: 'intake.invalid' });
    case 'enum':
      return msg(str`Select ${label} from the list`, { id: 'intake.enum' });
    case 'minItems':
      return msg(str`Select at least ${limit} for ${label}`, { id: 'intake.minItems' });
    case 'maxItems':
      return msg(str`Select no more than ${limit} for ${label}`, { id: 'intake.maxItems' });
    default:
      return msg(str`Check ${label}`, { id: 'intake.invalid' });
  }
}
