/**
 * Events drawn as reference lines on every timeline they fall within. Only events the
 * repository documents are here: `source` is the claim whose record states the date, and a
 * unit test checks that the record says `stated`, so a line never rests on memory alone.
 */
export interface KeyEvent {
  date: string;
  label: string;
  /** The claim whose record states the event and its date. */
  source: string;
  /** The words in that record that state it. */
  stated: string;
}

export const KEY_EVENTS: readonly KeyEvent[] = [
  {
    date: '2021-08-15',
    label: 'Fall of Kabul',
    source: 'nazary-nrf-in-survival-mode-after-august-15',
    stated: 'the fall of Kabul on 15 August 2021',
  },
];
