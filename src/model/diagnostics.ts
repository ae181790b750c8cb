/**
 * The stable codes of design diagnostics. Consumers (connection checks, the inspector, the CLI,
 * codegen) switch on these codes, never on message text. docs/diagnostics.md explains each one; a
 * test checks that it lists every code below.
 */

export const DIAGNOSTIC_CODES = {
  E_UNKNOWN_OPERATOR: 'the node kind is not an operator of the registry',
  E_EDGE_DANGLING: 'an edge refers to a node that does not exist',
  E_CYCLE: 'the node is part of a cycle',
  E_INPUT_MISSING: 'an input port has no connection (or too few, e.g. merge)',
  E_INPUT_ARITY: 'a single-input port has several connections',
  E_INPUT_DUPLICATE: 'one upstream node is connected twice to a cogroup (each grouped stream joins it once)',
  E_PORT_UNKNOWN: 'an edge arrives at an input port the operator does not have',
  E_OUTPUT_UNKNOWN: 'an edge leaves a sink, or an output port the node does not have',
  E_CONNECT_KIND: 'the upstream stream kind is not one this operator takes',
  E_NAME_EMPTY: 'the node has no name',
  E_NAME_DUPLICATE: 'two nodes (or two split branches) share a name',
  W_NAME_ILLEGAL: 'a node name Kafka Streams would refuse as a processor name (the engine here accepts it)',
  E_TOPIC_NAME: 'a topic name Kafka would refuse',
  E_STORE_NAME: 'a state store name Kafka Streams would refuse',
  E_STORE_DUPLICATE: 'two nodes give their stores the same name',
  E_STORE_SHARED_MISMATCH: 'processor nodes sharing a store declare it differently',
  E_PARAM_REQUIRED: 'a required param is missing or empty',
  E_PARAM_TYPE: 'a param has the wrong type',
  E_PARAM_RANGE: 'a number or duration param is out of range',
  E_PARAM_ENUM: 'a param is not one of its allowed values',
  W_PARAM_UNKNOWN: 'a param the operator does not know (ignored; a typo?)',
  E_FN_PARSE: 'a function does not parse (with line and column)',
  E_FN_NOT_SINGLE: 'a function is statements, not one expression',
  E_FN_NOT_FUNCTION: 'a function param is not a function expression',
  E_FN_ASYNC: 'a function is async or a generator',
  E_FN_ARITY: 'a function takes more parameters than the operator passes',
  E_GRACE_NOT_VERSIONED: 'a stream-table join has a grace period but its table is not versioned',
  E_GRACE_EXCEEDS_RETENTION: "a stream-table join's grace period is longer than its versioned table's history retention",
  E_VERSIONED_GLOBAL_TABLE: 'a global table is materialized as a versioned store',
  E_SUPPRESS_VERSIONED: 'suppress follows a versioned table',
  E_PROCESSOR_NOT_OBJECT: 'a processor is not an object expression ({ init(ctx) { ... }, process(record) { ... } })',
  E_PROCESSOR_NO_PROCESS: 'a processor object has no process method (or process/init/close is not a method)',
  E_PROCESSOR_STORE_UNDECLARED: "a processor calls getStateStore('name') for a store its node does not declare",
  E_PROCESSOR_PUNCTUATION: "a processor schedules a punctuation type other than 'STREAM_TIME' or 'WALL_CLOCK_TIME'",
  E_TOPOLOGY: 'the engine refused the node while building the topology',
  W_TEST_NAME: 'a test case has no name, or the name of another test case',
  W_TEST_DUPLICATE: 'two test cases share an id',
  W_TEST_SOURCE_UNKNOWN: 'a test case has samples for a topic no source reads (they are ignored)',
  W_TEST_SINK_UNKNOWN: 'a test case expects records on a topic no node writes (the case fails)',
  W_TEST_EMPTY: 'a test case expects nothing (it always passes)',
  E_SCHEMA_INVALID: "a topic's key or value schema does not parse in its format (with line and column where the library tells)",
  E_SCHEMA_MESSAGE_TYPE: "a Protobuf schema's message type is not declared in its file",
  W_SAMPLE_SCHEMA: "a sample's key or value does not match its topic's schema (with the field path)",
  E_SINK_SCHEMA: "a record the preview wrote to a sink does not match the sink topic's schema (with the field path)",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const DIAGNOSTIC_CODE_LIST = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
