"""Shared core of armswatch: message schema, settings, Kafka and Elasticsearch plumbing, CLI, local stack."""
