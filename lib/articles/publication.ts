import { vocabulary } from "@/lib/vocabulary";

/** Whether readers can see a post or a series: the same two words for both. Client-safe. */
export const PUBLICATION_STATES = ["published", "draft"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];
export const PUBLICATION = vocabulary(PUBLICATION_STATES, {
  published: { label: "已发布", tone: "good" },
  draft: { label: "草稿", tone: "muted" },
});
export const publication = (published: boolean): PublicationState => (published ? "published" : "draft");
