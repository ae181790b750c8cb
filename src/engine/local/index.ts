/** Running a topology over files without Kafka, streaming (Node only: not part of the browser engine). */
export { ArrayFeed, badLines, FileFeed, InputError, type BadLines, type Feed } from './feeds';
export { DirectoryOutput, StreamOutput, type OutputSink, type TextStream } from './jsonl-out';
export { MixedFile } from './mixed-file';
export { runFeeds, type RunFeedsOptions, type RunFeedsResult } from './run-feeds';
export { FileSinkOutput, fileSourceFeeds, LinesFeed, sinkLine, type FileSinkSpec, type FileSourceSpec } from './file-connectors';
