-- A record of the events topic holds a batch of events (sync-service/src/kafka/eventRecords.ts), so
-- one Kafka position may carry several dead letters: each is kept once per event, by its place in
-- the record. Letters from before have index 0, the only event their record held.
ALTER TABLE dead_letters ADD COLUMN record_index integer NOT NULL DEFAULT 0;
ALTER TABLE dead_letters DROP CONSTRAINT dead_letters_topic_kafka_partition_kafka_offset_key;
ALTER TABLE dead_letters ADD CONSTRAINT dead_letters_position_key
  UNIQUE (topic, kafka_partition, kafka_offset, record_index);
