-- a typo in the keyword on line 4: Flink takes FROMM for an alias and trips over "events"
INSERT INTO sink_events
SELECT event_id, event_type
FROMM events;
