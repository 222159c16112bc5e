import type { FbPhoto, FbProfile, FbVideo } from './model';

export type MediaHit = { profile: FbProfile; photo: FbPhoto } | { profile: FbProfile; video: FbVideo; isReel: boolean };

/** Every fake profile, looked up the ways the pages and the GraphQL queries need. */
export class FacebookProfiles {
  private readonly byVanity = new Map<string, FbProfile>();
  private readonly byId = new Map<string, FbProfile>();
  private readonly media = new Map<string, MediaHit>();

  add(profile: FbProfile): void {
    if (this.byVanity.has(profile.vanity.toLowerCase())) throw new Error(`duplicate fake Facebook profile ${profile.vanity}`);
    this.byVanity.set(profile.vanity.toLowerCase(), profile);
    this.byId.set(profile.id, profile);
    // Tagged photos are found under their uploader's profile when that is a fake one too.
    for (const photo of [...profile.tagged, ...profile.uploads]) this.media.set(photo.id, { profile, photo });
    for (const video of profile.videos) this.media.set(video.id, { profile, video, isReel: false });
    for (const reel of profile.reels) this.media.set(reel.id, { profile, video: reel, isReel: true });
  }

  vanity(name: string): FbProfile | undefined {
    return this.byVanity.get(name.toLowerCase());
  }

  id(id: string): FbProfile | undefined {
    return this.byId.get(id);
  }

  find(mediaId: string): MediaHit | undefined {
    return this.media.get(mediaId);
  }
}
