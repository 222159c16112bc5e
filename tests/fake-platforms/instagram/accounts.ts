import type { IgAccount, IgPost, IgStoryItem } from './model';

export type MediaHit = { account: IgAccount; post: IgPost } | { account: IgAccount; story: IgStoryItem };

/** All fake accounts, looked up the ways the API needs. */
export class AccountStore {
  private readonly byName = new Map<string, IgAccount>();
  private readonly byPk = new Map<string, IgAccount>();
  private readonly media = new Map<string, MediaHit>();

  /** `aliases`: other names that find the account (the hostile account answers with a username no request could name). */
  add(account: IgAccount, aliases: readonly string[] = []): void {
    for (const name of [account.user.username, ...aliases]) this.byName.set(name.toLowerCase(), account);
    this.byPk.set(account.user.pk, account);
    for (const post of [...account.feed, ...account.reelsTabOnly]) this.media.set(post.pk, { account, post });
    for (const story of [...account.stories, ...account.highlights.flatMap((h) => h.items)]) this.media.set(story.pk, { account, story });
  }

  /** Newly published posts: the feed lists them first after the pinned ones, newest first. */
  publish(account: IgAccount, posts: readonly IgPost[]): void {
    const pinned = account.feed.filter((post) => post.pinned);
    const rest = account.feed.filter((post) => !post.pinned);
    const newestFirst = [...posts].sort((a, b) => b.takenAt - a.takenAt);
    account.feed.splice(0, account.feed.length, ...pinned, ...newestFirst, ...rest);
    for (const post of posts) this.media.set(post.pk, { account, post });
  }

  all(): IgAccount[] {
    return [...this.byPk.values()];
  }

  username(name: string): IgAccount | undefined {
    return this.byName.get(name.toLowerCase());
  }

  pk(pk: string): IgAccount | undefined {
    return this.byPk.get(pk);
  }

  /** A post or story by pk, or by the "<pk>_<owner pk>" id form. */
  findMedia(id: string): MediaHit | undefined {
    return this.media.get(id.split('_')[0] ?? id);
  }

  /** Private accounts show their media only to themselves and to followers (the demo user follows some). */
  canView(viewerPk: string, account: IgAccount): boolean {
    if (!account.user.isPrivate || viewerPk === account.user.pk) return true;
    return account.user.followedByDemo && this.pk(viewerPk)?.user.username === 'star.demo';
  }
}
