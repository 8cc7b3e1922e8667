/** A pair's shared agenda backlog (`GET`/`POST /api/me/pairings/:id/backlog`). */

/** One item of the backlog, as one of the pair sees it. */
export interface BacklogItem {
  readonly id: string;
  readonly text: string;
  readonly link: string | null;
  /** True when the caller added it; the partner's name is on the pairing already. */
  readonly addedByMe: boolean;
  readonly addedAt: string;
  readonly done: boolean;
}

/** `POST`: `added` is false when an item with that id was already there (a retry). */
export interface BacklogAdded {
  readonly added: boolean;
  readonly item: BacklogItem;
}

/** `GET`: open items first. */
export interface BacklogResponse {
  readonly items: readonly BacklogItem[];
}
