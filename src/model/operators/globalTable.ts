import { tableSourceDescriptor } from './table-source';

/** StreamsBuilder#globalTable: a fully replicated table for key-selector joins. */
export const globalTable = tableSourceDescriptor('globalTable', 'reference-input', 'Reads a whole topic into every instance (all partitions): joinable from a stream by any key it selects.');
