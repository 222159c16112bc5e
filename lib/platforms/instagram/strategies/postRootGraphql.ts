import type { PlatformContext } from '../../types';
import { graphqlRoot } from '../graphqlClient';
import { postRootItems } from '../graphqlParsers';
import { QUERIES } from '../graphqlQueries';
import { mediaPk, type MediaPk } from '../json';
import { shortcodeOf } from '../shortcode';
import type { JsonObject } from '../../shared/jsonReaders';

/**
 * One post as the web app's post page reads it (PolarisPostRootQuery), or undefined when it is
 * gone. The query takes the shortcode, which is the pk in another base, so nothing needs keeping.
 */
export async function mediaByPostRoot(ctx: PlatformContext, pk: MediaPk): Promise<JsonObject | undefined> {
  const root = await graphqlRoot(ctx, QUERIES.postRoot, { shortcode: shortcodeOf(pk) });
  return postRootItems(root, QUERIES.postRoot.label).find((media) => mediaPk(media) === pk);
}
