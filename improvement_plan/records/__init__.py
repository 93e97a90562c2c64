"""A meeting's record: the plan's and scorecard's judgements as presented at a board
(BoardRecord), kept by services.board_record_take, and what changed since (selectors)."""
