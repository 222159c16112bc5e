/** GraphQL nodes are the v1 item plus a typename, an owner, and explicit nulls where v1 omits keys. */
export function graphqlNode(item: Record<string, unknown>): Record<string, unknown> {
  const node: Record<string, unknown> = { ...item, __typename: 'XDTMediaDict', owner: item.user };
  if (!('video_versions' in node)) node.video_versions = null;
  if (!('location' in node)) node.location = null;
  if (Array.isArray(node.carousel_media)) {
    node.carousel_media = node.carousel_media.map((child: Record<string, unknown>) => ({ video_versions: null, ...child }));
  }
  return node;
}
