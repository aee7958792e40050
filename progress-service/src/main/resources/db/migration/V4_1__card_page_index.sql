-- GET /cards pages a learner's cards in id order (keyset cursor): without this index every page sorted all of
-- the learner's cards.
CREATE INDEX card_owner_page ON card (tenant, user_id, id);
