const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = `${LOWER}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`;

/** Characters from the browser's secure random source, without modulo bias (values past the last full set are redrawn). */
function randomFrom(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A SIP user name as KAZOO's UI makes them: `user_` and six random letters and digits. */
export function generateSipUsername(): string {
  return `user_${randomFrom(`${LOWER}0123456789`, 6)}`;
}

/** A SIP password: 16 letters and digits (about 95 bits), safe to type on a phone's keypad menu. */
export function generateSipPassword(): string {
  return randomFrom(ALPHANUMERIC, 16);
}
