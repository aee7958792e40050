-- The due queue reads one learner's cards of one state in the queue's order and stops at the page size:
-- learning/relearning and review cards by (due, id), new cards by (created_at, item_id). With an index per
-- order, a page is a short index range; with (tenant, user_id, due) alone, the learning query filtered
-- every due card of the learner by state (20,000 rows for a learner with 100,000 cards).
CREATE INDEX card_queue ON card (tenant, user_id, state, due, id) WHERE NOT suspended;
CREATE INDEX card_queue_new ON card (tenant, user_id, created_at, item_id) WHERE NOT suspended AND state = 'NEW';
-- card_queue serves what card_due served (its leading columns are the learner's), one index fewer to update per review.
DROP INDEX card_due;
