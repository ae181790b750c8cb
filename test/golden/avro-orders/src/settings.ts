// Settings of the design (default serdes of topics).
export const DEFAULT_KEY_SERDE = "string";
export const DEFAULT_VALUE_SERDE = "json";
export const SOURCE_TOPICS: string[] = ["orders"];
