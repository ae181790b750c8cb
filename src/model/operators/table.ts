import { tableSourceDescriptor } from './table-source';

/** StreamsBuilder#table: a changelog topic read as a KTable (latest value per key). */
export const table = tableSourceDescriptor('table', 'table-input', 'Reads a topic as a KTable: the latest value per key; a null value deletes the key.');
