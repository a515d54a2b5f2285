-- Queued callbacks (rule R12, issue 8): one row per callback request, written by the one store
-- writer at every change, so a restart or a crash loses none. At start-up the PENDING rows an
-- earlier run (run_id) left are put back in line in their place: priority, then place_at (the
-- first entry of the caller whose place the callback holds). A request merged into another for
-- the same number is a MERGED row naming it (merged_into). SQL both H2 and PostgreSQL accept.
CREATE TABLE callback (
    callback_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    run_id          VARCHAR(36)  NOT NULL,
    requested_by    VARCHAR(255),
    queue_name      VARCHAR(64)  NOT NULL,
    phone_number    VARCHAR(255) NOT NULL,
    language        VARCHAR(16),
    priority        INTEGER      NOT NULL,
    place_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    merged_into     VARCHAR(255),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX callback_status_place ON callback (status, priority, place_at);
