"""Shared core of armswatch: message schema, settings, Kafka and Elasticsearch plumbing, the stage loop,
metrics, logging, command helpers and the local stack. It imports no stage."""
