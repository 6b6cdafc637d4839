/** Facts about the site itself, set once and read everywhere. */
export const SITE = {
  name: 'Claimtrail',
  description: 'Who said what about the war in Afghanistan, when, to which outlet, and how far it has been verified.',
  /** The public address; canonical links, feeds, the sitemap and JSON-LD use it. */
  url: 'https://claimtrail.org',
  /** The source repository: "Edit this claim", "Report a correction" and history links. */
  repository: 'https://github.com/claimtrail/claimtrail',
  branch: 'main',
  language: 'en',
} as const;
