EXECUTE STATEMENT SET
BEGIN
  INSERT INTO sink_events SELECT event_id, event_type FROM events;
  INSERT INTO sink_events
  SELECT event_id, no_such_column
  FROM events;
END;
