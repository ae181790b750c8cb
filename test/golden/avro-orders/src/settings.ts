// Settings of the design (default serdes of topics, topic schemas).
import type { TopicSchemaTable } from './streams/kafka/index';

export const DEFAULT_KEY_SERDE = "string";
export const DEFAULT_VALUE_SERDE = "json";
export const SOURCE_TOPICS: string[] = ["orders"];
/** Topics whose key or value has a schema: on Kafka they are read and written in the Confluent wire format (SCHEMA_REGISTRY_URL). */
export const TOPIC_SCHEMAS: TopicSchemaTable = Object.fromEntries([
  [
    "orders",
    {
      "key": {
        "format": "avro",
        "text": "\"string\""
      },
      "value": {
        "format": "avro",
        "text": "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"namespace\": \"shop\",\n  \"fields\": [\n    {\n      \"name\": \"id\",\n      \"type\": \"int\"\n    },\n    {\n      \"name\": \"customer\",\n      \"type\": \"string\"\n    },\n    {\n      \"name\": \"status\",\n      \"type\": {\n        \"type\": \"enum\",\n        \"name\": \"Status\",\n        \"symbols\": [\n          \"NEW\",\n          \"PAID\",\n          \"CANCELLED\"\n        ]\n      }\n    },\n    {\n      \"name\": \"lines\",\n      \"type\": {\n        \"type\": \"array\",\n        \"items\": {\n          \"type\": \"record\",\n          \"name\": \"Line\",\n          \"fields\": [\n            {\n              \"name\": \"sku\",\n              \"type\": \"string\"\n            },\n            {\n              \"name\": \"qty\",\n              \"type\": \"int\"\n            },\n            {\n              \"name\": \"price\",\n              \"type\": \"double\"\n            }\n          ]\n        }\n      }\n    },\n    {\n      \"name\": \"coupon\",\n      \"type\": [\n        \"null\",\n        \"string\"\n      ],\n      \"default\": null\n    }\n  ]\n}",
        "recordName": "shop.Order"
      }
    }
  ],
  [
    "order-totals",
    {
      "key": {
        "format": "avro",
        "text": "\"string\""
      },
      "value": {
        "format": "avro",
        "text": "{\n  \"type\": \"record\",\n  \"name\": \"OrderTotal\",\n  \"namespace\": \"shop\",\n  \"fields\": [\n    {\n      \"name\": \"id\",\n      \"type\": \"int\"\n    },\n    {\n      \"name\": \"customer\",\n      \"type\": \"string\"\n    },\n    {\n      \"name\": \"total\",\n      \"type\": \"double\"\n    }\n  ]\n}",
        "recordName": "shop.OrderTotal"
      }
    }
  ]
] as const);
