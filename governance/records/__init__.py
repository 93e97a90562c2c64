"""A meeting's record "as presented": kept when its pack is first published
(services.meeting_record_keep), shown on its own page (views)."""
