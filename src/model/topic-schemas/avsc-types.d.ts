/** avsc's types-only entry (no streams or files: what a browser can load); the same Type as the package's. */
declare module 'avsc/etc/browser/avsc-types' {
  export { Type } from 'avsc';
}
