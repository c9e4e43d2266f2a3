// What travels on the queues between the AWS stages (and nowhere else: locally it is calls).
import type { DiscoveredItem, Source } from '../model.ts';

export interface FetchMessage {
  sourceId: string;
}

export interface ArticleMessage {
  source: Pick<Source, 'id' | 'name'>;
  item: DiscoveredItem;
}
