/** What a claim page declares to the search index, in the names of `fields.ts`. */
import type { Claim } from '../catalog.ts';
import { formatDate } from '../dates.ts';
import type { SearchRecord } from './fields.ts';

export function claimSearchRecord(claim: Claim): SearchRecord {
  return {
    filters: {
      type: 'claim',
      speaker: claim.speaker.id,
      outlet: claim.outlets.map((outlet) => outlet.id),
      topic: claim.topics.map((topic) => topic.id),
      // The places it names and every place they lie in: a district's claims are its province's too.
      place: claim.concerns.map((place) => place.id),
      status: claim.rating.value,
      year: claim.year,
    },
    meta: { speaker: claim.speaker.data.name, date: formatDate(claim.data.date), status: claim.rating.value, quote: String(claim.data.quote) },
    sort: { date: claim.data.date },
  };
}
