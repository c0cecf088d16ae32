
INSERT INTO sink_events
SELECT event_id, no_such_column
FROM events;
