/** Sorts names as people expect (case and accents aside, numbers by value); one collator, built once. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function byName(a: string, b: string): number {
  return collator.compare(a, b);
}
