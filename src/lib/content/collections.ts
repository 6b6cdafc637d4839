/** The content collections, their folders under `content/` and their schemas. */
import type { CollectionName } from '../../schemas/common.ts';
import { claimSchema, type ClaimData } from '../../schemas/claim.ts';
import { measureSchema, type MeasureData } from '../../schemas/measure.ts';
import { outletSchema, type OutletData } from '../../schemas/outlet.ts';
import { personSchema, type PersonData } from '../../schemas/person.ts';
import { topicSchema, type TopicData } from '../../schemas/topic.ts';
import { sourceSchema, type SourceData } from '../../schemas/source.ts';
import { sideSchema, type SideData } from '../../schemas/side.ts';
import { placeSchema, type PlaceData } from '../../schemas/place.ts';

export const COLLECTION_SCHEMAS = {
  claims: claimSchema,
  people: personSchema,
  outlets: outletSchema,
  topics: topicSchema,
  sources: sourceSchema,
  sides: sideSchema,
  measures: measureSchema,
  places: placeSchema,
} as const;

export const COLLECTION_NAMES = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];

export interface DataByCollection {
  claims: ClaimData;
  people: PersonData;
  outlets: OutletData;
  topics: TopicData;
  sources: SourceData;
  sides: SideData;
  measures: MeasureData;
  places: PlaceData;
}

/** A file that passed its schema. */
export interface ValidEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  /** Path from the project root, forward slashes. */
  file: string;
  data: DataByCollection[C];
  /** The Markdown body. */
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
  /** Digest of the file's bytes (set by the validation pass): it changes whenever the file does. */
  digest?: string;
}
