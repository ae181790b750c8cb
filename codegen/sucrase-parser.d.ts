// sucrase ships its parser's types under dist/types; these point the CommonJS entry points at them.
declare module 'sucrase/dist/parser' {
  export { parse } from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/types' {
  export { TokenType } from 'sucrase/dist/types/parser/tokenizer/types';
}
