import type { Reply } from '../server/reply';
import { graphqlErrors, graphqlLines } from './answers';
import type { FacebookMediaJson } from './media-json';
import type { FacebookProfiles } from './profiles';
import { FB_QUERIES } from './doc-ids';
import { hasDetailFlags } from './relay-flags';

/** The media viewer queries: one photo or video with its caption, in Relay's deferred parts. */
export interface DetailCall {
  kind: 'photo' | 'video';
  variables: Record<string, unknown>;
  profiles: FacebookProfiles;
  render: FacebookMediaJson;
}

export function detailAnswer({ kind, variables, profiles, render }: DetailCall): Reply {
  const nodeId = variables.nodeID;
  if (typeof nodeId !== 'string' || !/^\d+$/.test(nodeId)) {
    return graphqlErrors([{ message: 'A server error missing_required_variable_value occured. Check server logs for details.' }]);
  }
  const hit = profiles.find(nodeId);
  const name = FB_QUERIES[kind];
  const gone = () => graphqlLines([{ data: { currMedia: null, nextMediaAfterNodeId: null }, extensions: { is_final: true } }]);
  // Without the 2026 relay flags the media viewer finds nothing to show (docs/platforms.md, "Facebook: what changed in late 2026").
  if (!hit || !hasDetailFlags(variables)) return gone();
  if (kind === 'photo') {
    if (!('photo' in hit) || hit.photo.notReturned) return gone();
    const { profile, photo } = hit;
    const set = profile.uploads.some((upload) => upload.id === photo.id) ? profile.uploads : profile.tagged;
    const next = set[set.findIndex((item) => item.id === photo.id) + 1];
    return graphqlLines([
      { data: { currMedia: render.photoCurrMedia(photo) }, extensions: { is_final: false } },
      { label: `${name}$defer$CometPhotoRootContentQuery_currMedia_creation_story`, path: ['currMedia'], data: render.captionPart(photo.caption, photo.ownerName), extensions: { is_final: false } },
      { label: `${name}$defer$CometPhotoRootContentQuery_nextMedia`, path: [], data: { nextMediaAfterNodeId: next ? { __typename: 'Photo', id: next.id } : null }, extensions: { is_final: true } },
    ]);
  }
  if (!('video' in hit)) return gone();
  const { video, isReel } = hit;
  return graphqlLines([
    { data: { currMedia: render.videoCurrMedia(video, isReel) }, extensions: { is_final: false } },
    { label: `${name}$defer$CometVideoRootMediaViewerQuery_currMedia_creation_story`, path: ['currMedia'], data: render.captionPart(video.caption, video.ownerName), extensions: { is_final: true } },
  ]);
}
