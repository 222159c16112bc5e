import type { QueryName } from './constants';

/** One of the web app's GraphQL queries: where it is posted and the field of `data` it answers in. */
export interface GraphqlQuery {
  name: QueryName;
  path: '/graphql/query' | '/api/graphql';
  root: string;
  /** Names the query in error messages. */
  label: string;
}

/** The queries the web app reads a profile with (docs/platforms.md, "Instagram: GraphQL"). */
export const QUERIES = {
  posts: {
    name: 'PolarisProfilePostsQuery',
    path: '/graphql/query',
    root: 'xdt_api__v1__feed__user_timeline_graphql_connection',
    label: 'posts (GraphQL)',
  },
  reels: {
    name: 'PolarisProfileReelsTabContentQuery',
    path: '/graphql/query',
    root: 'xdt_api__v1__clips__user__connection_v2',
    label: 'reels (GraphQL)',
  },
  reel: {
    name: 'PolarisStoriesV3ReelPageStandaloneQuery',
    path: '/graphql/query',
    root: 'xdt_api__v1__feed__reels_media',
    label: 'stories (GraphQL)',
  },
  highlightsTray: {
    name: 'PolarisProfileStoryHighlightsTrayContentQuery',
    path: '/api/graphql',
    root: 'highlights',
    label: 'highlights (GraphQL)',
  },
  postRoot: {
    name: 'PolarisPostRootQuery',
    path: '/graphql/query',
    root: 'xdt_api__v1__media__shortcode__web_info',
    label: 'post (GraphQL)',
  },
} as const satisfies Record<string, GraphqlQuery>;
