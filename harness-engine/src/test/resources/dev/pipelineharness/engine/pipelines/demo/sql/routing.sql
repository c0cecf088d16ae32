INSERT INTO ${topic.filtered_loan_events} SELECT * FROM ${topic.raw_business_events} WHERE type = 'loan';
