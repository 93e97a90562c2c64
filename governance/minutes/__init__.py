"""At and after a meeting: attendance, declarations, numbered minutes, actions arising,
the work programme, and the agenda and minutes as Word documents."""
