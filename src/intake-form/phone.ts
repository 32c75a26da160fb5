/**
 * Phone numbers families in mainland China give: a mobile (11 digits, 1[3-9]…, with or without
 * +86), a landline with its area code (0 + 2–3 digits, then 7–8 digits, e.g. 020-8123 4567, or
 * +86 20 8123 4567), optionally with an extension (转 / ext / x / #), or a number abroad in
 * international form (+852 …, +44 …). Spaces, dashes, dots and brackets are allowed anywhere;
 * full-width digits and signs are read as ASCII (NFKC).
 */
export function isPhoneNumber(text: string): boolean {
  let value = text.normalize('NFKC').trim();
  // An extension: "020-8123 4567 转 801", "… ext. 12", "… x12", "… #12".
  value = value.replace(/\s*(?:转|轉|分机|分機|ext\.?|x|#)\s*\d{1,6}$/i, '');
  if (!/^\+?[\d\s().-]+$/.test(value) || (value.match(/\+/g)?.length ?? 0) > 1) return false;
  const international = value.startsWith('+') || value.startsWith('00');
  let digits = value.replace(/\D/g, '');
  if (international) {
    digits = digits.replace(/^00/, '');
    if (!digits.startsWith('86')) return digits.length >= 7 && digits.length <= 15;
    digits = digits.slice(2);
    // After +86 a landline drops the 0 of its area code.
    return isMobile(digits) || isLandline(`0${digits}`);
  }
  return isMobile(digits) || isLandline(digits);
}

/** 11 digits: 1, then 3–9, then nine more. */
function isMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/**
 * Area code and local number: 010 and 02x are followed by 8 digits; other area codes (0 + 3
 * digits) by 7 or 8. Local numbers do not start with 0 or 1.
 */
function isLandline(digits: string): boolean {
  return /^0(?:10|2\d)[2-9]\d{7}$/.test(digits) || /^0[3-9]\d{2}[2-9]\d{6,7}$/.test(digits);
}
