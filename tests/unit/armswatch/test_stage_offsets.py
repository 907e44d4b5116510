"""The offsets a stage commits after a batch: one past the last record of each partition it held."""

from __future__ import annotations

from collections import namedtuple

from kafka import TopicPartition

from armswatch.stage import _next_offsets

Record = namedtuple("Record", "topic partition offset")


def test_stage_commits_one_past_the_last_record_of_each_partition() -> None:
    records = [Record("t", 0, 5), Record("t", 1, 9), Record("t", 0, 7), Record("t", 0, 6)]
    offsets = _next_offsets(records)
    assert {partition: meta.offset for partition, meta in offsets.items()} == {
        TopicPartition("t", 0): 8,
        TopicPartition("t", 1): 10,
    }
