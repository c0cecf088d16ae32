INSERT INTO purchase_windowed_counts
SELECT user_id, window_start, window_end, COUNT(*) AS purchases
FROM TABLE(TUMBLE(TABLE purchases, DESCRIPTOR(event_time), INTERVAL '30' MINUTES))
GROUP BY user_id, window_start, window_end;
