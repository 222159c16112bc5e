import type { BudgetEnforcer } from '../budgets/enforcer';
import type { CdnCatalog } from '../media/cdn-catalog';
import { mediaKind } from '../media/media-file';
import type { HostRoute } from '../server/reply';
import type { FakeCookie, FakeInstagramAccountSpec, InstagramEra, ServedMedia } from '../types';
import { AccountStore } from './accounts';
import { ApiBudget } from './api-budget';
import { InstagramCdnFiles } from './cdn-files';
import { InstagramDocIds } from './doc-ids';
import { DEMO_SPEC, DEMO_USERNAME, DemoAccountBuilder, LOOKALIKE_SPECS } from './demo-data';
import { HOSTILE_HANDLE, HOSTILE_USERNAME, HostileAccountBuilder } from './hostile-data';
import { MediaJson } from './media-json';
import type { IgAccount, IgNode } from './model';
import { instagramRoute } from './routes';
import { InstagramSessions } from './sessions';
import { instagramStaticRoute } from './static-route';
import { withDemoSpec } from '../demoSpecs';

export interface InstagramPlatformOptions {
  accounts?: FakeInstagramAccountSpec[];
  /** Adds HOSTILE_USERNAME (see hostile-data.ts). */
  hostile?: boolean;
  apiBudgetPerMinute: number;
  catalog: CdnCatalog;
  /** Wall-clock ms the fake started; dates the current stories. */
  startedAt: number;
  era: InstagramEra;
  /** Rotate the GraphQL doc_ids once after this many GraphQL calls. */
  docIdRotateAfter?: number;
  /** The realistic per-query-type budget, when the fake enforces it. */
  enforcer?: BudgetEnforcer;
}

/** The fake Instagram: its accounts, sessions and API route, and what tests ask about them. */
export class InstagramPlatform {
  readonly route: HostRoute;
  /** static.cdninstagram.com, where the web app's bundles publish the doc_ids. */
  readonly staticRoute: HostRoute;
  readonly docIds: InstagramDocIds;
  private readonly store = new AccountStore();
  private readonly sessions = new InstagramSessions();
  private readonly builder: DemoAccountBuilder;
  private readonly specs = new Map<string, FakeInstagramAccountSpec>();
  private readonly published = new Map<string, number>();

  constructor(private readonly options: InstagramPlatformOptions) {
    const cdnFiles = new InstagramCdnFiles(options.catalog);
    const builder = new DemoAccountBuilder(cdnFiles, Math.floor(options.startedAt / 1000));
    this.builder = builder;
    const specs = withDemoSpec(options.accounts, DEMO_SPEC, (s) => s.username === DEMO_USERNAME);
    // Late 2026 has look-alikes of the demo, so a lookup that takes topsearch's first hit goes wrong.
    if (options.era === 'late2026') specs.push(...LOOKALIKE_SPECS.filter((l) => !specs.some((s) => s.username === l.username)));
    for (const spec of specs) {
      if (this.store.username(spec.username)) throw new Error(`duplicate fake Instagram account ${spec.username}`);
      const account = builder.build(spec);
      this.specs.set(spec.username, spec);
      this.store.add(account);
      this.sessions.open(account.user.pk, account.user.username);
    }
    if (options.hostile) {
      const hostile = new HostileAccountBuilder(cdnFiles, options.catalog).build(HOSTILE_HANDLE);
      this.store.add(hostile, [HOSTILE_USERNAME]);
      this.sessions.open(hostile.user.pk, hostile.user.username);
    }
    const render = new MediaJson(options.catalog, () => Date.now());
    this.docIds = new InstagramDocIds(options.docIdRotateAfter);
    this.route = instagramRoute({ store: this.store, sessions: this.sessions, budget: new ApiBudget(options.apiBudgetPerMinute), enforcer: options.enforcer, render, era: options.era, docIds: this.docIds });
    this.staticRoute = instagramStaticRoute(this.docIds);
  }

  private account(username = DEMO_USERNAME): IgAccount {
    const account = this.store.username(username);
    if (!account) throw new Error(`no fake Instagram account named ${username}`);
    return account;
  }

  cookies(username?: string): FakeCookie[] {
    const account = this.account(username);
    return this.sessions.cookies(this.sessions.open(account.user.pk, account.user.username), account.user.username);
  }

  /** The account publishes `count` new posts (newer than all others); returns their pks, newest first. */
  publishPosts(count: number, username = DEMO_USERNAME): string[] {
    const account = this.account(username);
    const spec = this.specs.get(account.user.username);
    if (!spec) throw new Error(`the fake Instagram account ${username} cannot publish`);
    const from = this.published.get(username) ?? 0;
    const posts = this.builder.laterPosts(spec, account.user.pk, from, count);
    this.published.set(username, from + count);
    this.store.publish(account, posts);
    return [...posts].sort((a, b) => b.takenAt - a.takenAt).map((post) => post.pk);
  }

  /** Feed post pks in feed order (pinned first; reels are feed posts too), then the reels only the Reels tab lists. */
  postIds(username?: string): string[] {
    const account = this.account(username);
    return [...account.feed, ...account.reelsTabOnly].map((p) => p.pk);
  }

  /**
   * Every file the account lists, which an exporter keeps (or, for a withheld one, reports as
   * failed): each post's media (carousel children one by one; the reels-tab-only reels after the
   * feed), then current stories, then highlight items. Story and highlight items are their own post
   * (postId = pk).
   */
  media(username?: string): ServedMedia[] {
    const account = this.account(username);
    const served = (postId: string, node: IgNode, takenAt: number): ServedMedia => {
      const { sha256, bytes } = this.options.catalog.digest(node.best.spec);
      const format = node.best.spec.format;
      const file: ServedMedia = { platform: 'instagram', account: account.user.username, postId, mediaId: node.pk, kind: mediaKind(format), format, takenAt, bytes, sha256 };
      return node.withheld ? { ...file, withheld: true } : file;
    };
    return [
      ...[...account.feed, ...account.reelsTabOnly].flatMap((post) => post.nodes.map((node) => served(post.pk, node, post.takenAt))),
      ...account.stories.map((item) => served(item.pk, item, item.takenAt)),
      ...account.highlights.flatMap((h) => h.items.map((item) => served(item.pk, item, item.takenAt))),
    ];
  }
}
