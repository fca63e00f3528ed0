import type { StateCode } from './vocabulary';

/** The parts of an address as the reader finds them, and what it could not settle. */
export interface AddressParts {
  unit?: string;
  number?: string;
  /** Name and canonical type: "Smith Street", "St Kilda Road", "The Esplanade". */
  streetName?: string;
  /** A mail box instead of a street: "PO Box 123". */
  box?: string;
  level?: string;
  lot?: string;
  suburb?: string;
  state?: StateCode;
  /** Four digits, once read; possibly not a real postcode (checked later). */
  postcode?: string;
}

export type Issue =
  /** Two different addresses without a self-correction. */
  | { type: 'two-addresses' }
  /** "12 or 14 Smith Street", "3065 or 3066"; field unknown for anything else joined by "or". */
  | { type: 'alternatives'; field?: 'number' | 'postcode'; options: string[] }
  /** "4 56 King Street": unit 4 at number 56, or number 456? */
  | { type: 'unit-or-number'; unit: string; number: string }
  /** A number where the postcode goes that is no postcode ("30", "12345"). */
  | { type: 'bad-postcode'; heard: string };

export interface SegmentReading {
  parts: AddressParts;
  issues: Issue[];
}
