// How a phone number is shown and dialled. Pages and social cards show the same number the same way.

/** The digits of a phone number, country code included: "+1-954-555-0142" → "19545550142". */
export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, "");
}

/** "+1-954-555-0142" → "(954) 555-0142"; other countries keep their own spacing. */
export function displayPhone(phone: string): string {
  const digits = digitsOf(phone);
  if (digits.length === 11 && digits.startsWith("1"))
    return `(${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`;
  return phone;
}

/** "+1-954-555-0142" → "tel:+19545550142" */
export function telHref(phone: string): string {
  return `tel:+${digitsOf(phone)}`;
}
