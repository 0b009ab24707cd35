/** "Go to update" as typed, read as untrusted text. */

export const GO_TO = 'Go to update';

/** "Go to update" as typed: the update, or the problem (naming the field and what is allowed). */
export function readUpdate(text: string, floor: number): number | string {
  const digits = text.trim().replace(/[\s,_]/g, '');
  if (!/^\d{1,12}$/.test(digits))
    return `${GO_TO}: must be a whole number of updates, ${floor} or more (e.g. 10000)`;
  const n = Number(digits);
  if (n < floor)
    return `${GO_TO}: must be ${floor} or more: the training before update ${floor} was not replayed (Reset starts over from update 0)`;
  return n;
}
