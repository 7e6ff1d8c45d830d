// Every page of any connection: pass the client, a generated document whose variables
// take `after`, its other variables, and a function picking the connection out of the
// answer; `after` is added page by page.
//
//   for await (const item of paginate(client, InventoryItemsDocument, { first: 100 },
//                                     (data) => data.inventoryItems)) { ... }

import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { BatchTrackClient } from './client.js';

export interface Connection<TNode> {
  nodes: TNode[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export async function* paginatePages<TResult, TVariables extends { after?: string | null }, TNode>(
  client: BatchTrackClient,
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: Omit<TVariables, 'after'>,
  select: (data: TResult) => Connection<TNode>,
): AsyncGenerator<TNode[]> {
  // Every document here takes variables, so the request's variables are not optional.
  const run = client.request.bind(client) as (
    document: DocumentTypeDecoration<TResult, TVariables>,
    variables: TVariables,
  ) => Promise<TResult>;
  let after: string | null = null;
  for (;;) {
    const connection = select(await run(document, { ...variables, after } as TVariables));
    yield connection.nodes;
    after = connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null;
    if (after === null) return;
  }
}

export async function* paginate<TResult, TVariables extends { after?: string | null }, TNode>(
  client: BatchTrackClient,
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: Omit<TVariables, 'after'>,
  select: (data: TResult) => Connection<TNode>,
): AsyncGenerator<TNode> {
  for await (const page of paginatePages(client, document, variables, select)) {
    yield* page;
  }
}
