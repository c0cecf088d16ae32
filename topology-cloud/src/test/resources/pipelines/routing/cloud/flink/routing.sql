-- Confluent Cloud: the topics are the tables; one statement per INSERT.
SET 'sql.state-ttl' = '1 h';
INSERT INTO `${topic.filtered_loan_events}`
SELECT * FROM `${topic.raw_business_events}` WHERE event_type = 'loan';
