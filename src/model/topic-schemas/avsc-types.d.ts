/**
 * avsc's types-only entry (Type, types; no streams, files or services: what a browser bundle can
 * load). The model imports avsc through it so the designer's bundle never pulls Node's stream.
 */
declare module 'avsc/etc/browser/avsc-types' {
  import * as avro from 'avsc';
  export = avro;
}
