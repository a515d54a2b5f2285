-- Retention (rule R15, issue 4): a recording the daily job deleted keeps its row, status DELETED,
-- with when; the job finds expired recordings by status and age. SQL both H2 and PostgreSQL accept.
ALTER TABLE recording ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX recording_status_started ON recording (status, started_at);
-- QA's unscored sampled calls are looked up by call.
CREATE INDEX qa_sample_call ON qa_sample (call_id);
CREATE INDEX qa_score_call ON qa_score (call_id);
