"""Pages for boards, memberships, meetings, agendas and papers, one module each.

Every view checks a permission from governance.rules: governance.view_meetings to read,
governance.manage_boards or governance.manage_meetings to write, and
governance.view_full_papers (on the meeting) for an exempt item's description and papers.
People signed out are sent to sign in; people signed in without the permission get 403.
"""
