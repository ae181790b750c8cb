/**
 * A source topic's partition count (the design's topics table; empty: the design's default). Joins
 * check it (E_NOT_COPARTITIONED) and the partition view runs one task per partition.
 */
import { setTopicPartitions } from '../../model/topic-partitions';
import { useApp } from '../../store/store';

export function TopicPartitionsField({ topic }: { topic: string }) {
  const own = useApp((s) => s.doc.topics?.[topic]?.partitions);
  const fallback = useApp((s) => s.doc.settings?.partitions ?? 1);
  const edit = useApp((s) => s.edit);
  const id = `topic-partitions-${topic}`;
  return (
    <div className="sw-field">
      <label htmlFor={id}>Partitions of {topic}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        placeholder={`${fallback} (design default)`}
        value={own ?? ''}
        data-testid="topic-partitions"
        onChange={(e) => edit((doc) => setTopicPartitions(doc, topic, e.target.value === '' ? undefined : Number(e.target.value)), `partitions:${topic}`)}
      />
    </div>
  );
}
