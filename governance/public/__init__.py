"""Pages for the public, without sign-in: boards, meetings, published agendas, minutes
and public packs, and an iCalendar feed per board. Never an exempt item's papers."""
