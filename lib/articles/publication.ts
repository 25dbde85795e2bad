import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** Whether readers can see a post or a series: the same two words for both. Client-safe. */
export const PUBLICATION = vocabulary({ published: "已发布", draft: "草稿" }, { published: "good", draft: "muted" });
export type PublicationState = StateOf<typeof PUBLICATION>;
export const publication = (published: boolean): PublicationState => (published ? "published" : "draft");
