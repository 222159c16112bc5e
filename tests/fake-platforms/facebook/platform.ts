import type { CdnCatalog, CdnFile } from '../media/cdn-catalog';
import { mediaKind } from '../media/media-file';
import { ApiBudget } from '../instagram/api-budget';
import type { HostRoute } from '../server/reply';
import type { FacebookFaultKind, FakeCookie, FakeFacebookProfileSpec, FaultRule, ServedMedia } from '../types';
import { cannedReplyFault } from '../server/faults';
import { faultReply } from './answers';
import { FacebookCdnFiles } from './cdn-files';
import { DEMO_PROFILE, DEMO_VANITY, FacebookProfileBuilder } from './demo-data';
import { FacebookMediaJson } from './media-json';
import type { FbProfile } from './model';
import { FacebookProfiles } from './profiles';
import { facebookRoute } from './routes';
import { FacebookSessions } from './sessions';
import type { BudgetEnforcer } from '../budgets/enforcer';
import { withDemoSpec } from '../demoSpecs';
import { bundleRoute } from './bundles';
import { FacebookDocIds } from './doc-ids';

export interface FacebookPlatformOptions {
  profiles?: FakeFacebookProfileSpec[];
  apiBudgetPerMinute: number;
  catalog: CdnCatalog;
  /** The realistic detail-call budget, when the fake enforces it. */
  enforcer?: BudgetEnforcer;
}

/** The fake Facebook: its profiles, sessions and route, and what tests ask about them. */
export class FacebookPlatform {
  readonly route: HostRoute;
  /** static.xx.fbcdn.net: the JS bundles that publish the doc_ids. */
  readonly bundleRoute: HostRoute;
  private readonly profiles = new FacebookProfiles();
  private readonly sessions = new FacebookSessions();
  private readonly docIds = new FacebookDocIds();

  constructor(private readonly options: FacebookPlatformOptions) {
    const builder = new FacebookProfileBuilder(new FacebookCdnFiles(options.catalog));
    for (const spec of withDemoSpec(options.profiles, DEMO_PROFILE, (s) => s.vanity === DEMO_VANITY)) {
      const profile = builder.build(spec);
      this.profiles.add(profile);
      this.sessions.open(profile.id);
    }
    const render = new FacebookMediaJson(options.catalog);
    this.route = facebookRoute({ profiles: this.profiles, sessions: this.sessions, budget: new ApiBudget(options.apiBudgetPerMinute), enforcer: options.enforcer, render, docIds: this.docIds });
    this.bundleRoute = bundleRoute(this.docIds);
  }

  private profile(vanity = DEMO_VANITY): FbProfile {
    const profile = this.profiles.vanity(vanity);
    if (!profile) throw new Error(`no fake Facebook profile named ${vanity}`);
    return profile;
  }

  userId(vanity?: string): string {
    return this.profile(vanity).id;
  }

  cookies(vanity?: string): FakeCookie[] {
    return this.sessions.cookies(this.sessions.open(this.profile(vanity).id));
  }

  /** Every item an export keeps by default: uploads, then the videos collection, then reels not listed among the videos. */
  itemIds(vanity?: string, options: { tagged?: boolean } = {}): string[] {
    return this.items(this.profile(vanity), options).map((item) => item.id);
  }

  media(vanity?: string, options: { tagged?: boolean } = {}): ServedMedia[] {
    const profile = this.profile(vanity);
    return this.items(profile, options).map(({ id, file, takenAt, withheld }) => {
      const { sha256, bytes } = this.options.catalog.digest(file.spec);
      const format = file.spec.format;
      const served: ServedMedia = { platform: 'facebook', account: profile.vanity, postId: id, mediaId: id, kind: mediaKind(format), format, takenAt, bytes, sha256 };
      return withheld ? { ...served, withheld } : served;
    });
  }

  rotateTokens(): void {
    this.sessions.rotate();
  }

  rotateDocIds(): void {
    this.docIds.rotate();
  }

  currentDocIds(): Record<string, string> {
    return this.docIds.byFriendlyName();
  }

  private items(profile: FbProfile, options: { tagged?: boolean }): { id: string; file: CdnFile; takenAt: number; withheld?: true }[] {
    const photos = [...profile.uploads, ...(options.tagged ? profile.tagged.filter((photo) => photo.ownerId !== profile.id) : [])];
    const listedVideos = new Set(profile.videos.map((video) => video.id));
    const videos = [...profile.videos, ...profile.reels.filter((reel) => !listedVideos.has(reel.id))];
    return [
      ...photos.map((photo) => ({ id: photo.id, file: photo.full, takenAt: photo.createdTime, withheld: photo.notReturned })),
      ...videos.map((video) => ({ id: video.id, file: video.best, takenAt: video.publishTime })),
    ];
  }
}

/** A fault rule that makes Facebook's GraphQL endpoint answer like a rate limit, a block or a lost session. */
export function facebookFaultRule(kind: FacebookFaultKind, options: { times?: number; after?: number } = {}): FaultRule {
  return { match: { pathIncludes: 'www.facebook.com/api/graphql/' }, times: options.times, after: options.after, fault: cannedReplyFault(faultReply(kind)) };
}
